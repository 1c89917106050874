package io.llmobs.prompt;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.PromptTemplate;
import org.springframework.ai.template.TemplateRenderer;

/**
 * A named, versioned prompt template of the {@link PromptRegistry}. Calls built from it
 * carry its name and version: render it with {@link #template()}, or pass {@link #text()}
 * to {@code ChatClient} with {@link #advisors()}.
 */
public final class RegisteredPrompt {

	private final String name;

	private final String version;

	private final String text;

	private final Instant firstSeen;

	private final Map<String, Object> params;

	private final RenderedTemplate source;

	private final TemplateRenderer renderer;

	RegisteredPrompt(String name, String text, Instant firstSeen, TemplateRenderer renderer, PromptRenders renders,
			InstrumentationErrors errors) {
		this.name = name;
		this.version = PromptVersions.version(text);
		this.text = text;
		this.firstSeen = firstSeen;
		this.params = Map.of(LlmObsParams.PROMPT_NAME, name, LlmObsParams.PROMPT_VERSION, this.version);
		this.source = new RenderedTemplate(this.version, this);
		this.renderer = new TrackingTemplateRenderer(renderer, renders, (template) -> this.source, errors);
	}

	/**
	 * The name: the template's file name without its extension.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The version: the first 12 hex digits of the SHA-256 of the normalized template.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * The template text as loaded.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * When this version was first seen: when the registry loaded it.
	 * @return the instant
	 */
	public Instant firstSeen() {
		return this.firstSeen;
	}

	/**
	 * A new template of this prompt; the calls whose messages it renders carry the
	 * prompt's name and version.
	 * @return the template
	 */
	public PromptTemplate template() {
		return PromptTemplate.builder().template(this.text).renderer(this.renderer).build();
	}

	/**
	 * The advisor parameters that name this prompt on a call.
	 * @return {@code llmobs.prompt.name} and {@code llmobs.prompt.version}
	 */
	public Map<String, Object> params() {
		return this.params;
	}

	/**
	 * Sets {@link #params()} on a call, as in
	 * {@code chatClient.prompt().advisors(prompt.advisors())}.
	 * @return the advisor customizer
	 */
	public Consumer<ChatClient.AdvisorSpec> advisors() {
		return (advisors) -> advisors.params(this.params);
	}

	/** What a text rendered from this prompt's template came from. */
	RenderedTemplate source() {
		return this.source;
	}

	@Override
	public String toString() {
		return this.name + "@" + this.version;
	}

}
