package io.llmobs.prompt;

import java.util.List;
import java.util.Map;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.template.TemplateRenderer;

/**
 * Resolves the {@link PromptIdentity} of a {@code ChatClient} call when it starts. Name
 * and version come from the {@code llmobs.prompt.*} advisor parameters, else from a
 * registry prompt that rendered (or is) one of its messages; the hash is the version of
 * its system message's template: the template it was rendered from when a tracked
 * renderer rendered it, else the text itself. Rendered texts are recognised by identity
 * and template hashes are cached, so a call costs a few map look-ups.
 */
final class PromptIdentityResolver {

	/**
	 * Where prompt identity: template tracking and resolution report failures in
	 * {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("prompts");

	private final PromptRegistry registry;

	private final PromptRenders renders;

	private final PromptInventory inventory;

	private final InstrumentationErrors errors;

	/**
	 * Creates the resolver.
	 * @param registry the registry prompts
	 * @param renders the recent renders
	 * @param inventory where identities seen are listed
	 * @param errors where failures are reported
	 */
	PromptIdentityResolver(PromptRegistry registry, PromptRenders renders, PromptInventory inventory,
			InstrumentationErrors errors) {
		this.registry = registry;
		this.renders = renders;
		this.inventory = inventory;
		this.errors = errors;
	}

	/**
	 * The identity of a call, noted in the inventory.
	 * @param request the call's request
	 * @return its identity, {@link PromptIdentity#NONE} when it has none (no parameters,
	 * no registry prompt, no system message)
	 */
	public PromptIdentity resolve(ChatClientRequest request) {
		RegisteredPrompt managed = null;
		String hash = null;
		List<Message> messages = request.prompt().getInstructions();
		for (Message message : messages) {
			MessageType type = message.getMessageType();
			String text = message.getText();
			if (text == null || (type != MessageType.SYSTEM && type != MessageType.USER)) {
				continue;
			}
			RenderedTemplate rendered = this.renders.find(text);
			RegisteredPrompt prompt = (rendered != null) ? rendered.prompt()
					: (type == MessageType.SYSTEM) ? this.registry.findByText(text) : null;
			if (managed == null) {
				managed = prompt;
			}
			if (hash == null && type == MessageType.SYSTEM) {
				hash = (rendered != null) ? rendered.templateHash()
						: (prompt != null) ? prompt.version() : this.renders.hash(text);
			}
		}
		PromptIdentity identity = identity(request.context(), managed, hash);
		if (identity != PromptIdentity.NONE) {
			this.inventory.seen(identity);
		}
		return identity;
	}

	private static PromptIdentity identity(Map<String, ? extends @Nullable Object> params,
			@Nullable RegisteredPrompt managed, @Nullable String hash) {
		Object name = params.get(LlmObsParams.PROMPT_NAME);
		if (name != null) {
			Object version = params.get(LlmObsParams.PROMPT_VERSION);
			return new PromptIdentity(name.toString(), (version != null) ? version.toString() : hash, hash);
		}
		if (managed != null) {
			return new PromptIdentity(managed.name(), managed.version(), hash);
		}
		return (hash != null) ? new PromptIdentity(null, null, hash) : PromptIdentity.NONE;
	}

	/**
	 * A renderer for {@code ChatClient} builders: renders with the delegate and notes
	 * each result's template, so {@code .system((s) -> s.text(template).param(...))} is
	 * hashed as the template, not as the rendered text.
	 * @param delegate the renderer that renders
	 * @return the tracking renderer
	 */
	public TemplateRenderer trackingRenderer(TemplateRenderer delegate) {
		return new TrackingTemplateRenderer(delegate, this.renders, this::source, this.errors);
	}

	private RenderedTemplate source(String template) {
		RegisteredPrompt prompt = this.registry.findByText(template);
		return (prompt != null) ? prompt.source() : new RenderedTemplate(this.renders.hash(template), null);
	}

}
