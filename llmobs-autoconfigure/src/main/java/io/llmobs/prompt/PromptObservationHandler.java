package io.llmobs.prompt;

import io.llmobs.core.CallPrompt;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.PromptTagValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Resolves the prompt identity of every {@code ChatClient} call when it starts and leaves
 * it in the call's context, where {@link PromptSpanEnricher} finds it for the call's span
 * and its model calls' spans; with prompt tags on, its bounded {@link CallPrompt} too,
 * where the chat and judge meters find it.
 */
final class PromptObservationHandler implements ObservationHandler<ChatClientObservationContext> {

	private final PromptIdentityResolver resolver;

	private final @Nullable PromptTagValues tagValues;

	private final InstrumentationErrors errors;

	/**
	 * Creates the handler.
	 * @param resolver resolves the identities
	 * @param tagValues bounds the prompt tags of the meters, {@code null} when they are
	 * off
	 * @param errors where failures are reported
	 */
	PromptObservationHandler(PromptIdentityResolver resolver, @Nullable PromptTagValues tagValues,
			InstrumentationErrors errors) {
		this.resolver = resolver;
		this.tagValues = tagValues;
		this.errors = errors.register(PromptIdentityResolver.COMPONENT);
	}

	@Override
	public void onStart(ChatClientObservationContext context) {
		this.errors.run(PromptIdentityResolver.COMPONENT, this, context, PromptObservationHandler::identify);
	}

	private void identify(ChatClientObservationContext context) {
		// Always put, NONE included, so a nested call never shows the identity of the
		// call around it.
		PromptIdentity identity = this.resolver.resolve(context.getRequest());
		context.put(PromptIdentity.class, identity);
		if (this.tagValues != null) {
			context.put(CallPrompt.class, this.tagValues.bound(identity.name(), identity.version()));
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext;
	}

}
