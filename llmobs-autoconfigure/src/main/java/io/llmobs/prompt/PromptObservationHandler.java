package io.llmobs.prompt;

import io.llmobs.core.InstrumentationErrors;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Resolves the prompt identity of every {@code ChatClient} call when it starts and leaves
 * it in the call's context, where {@link PromptSpanEnricher} finds it for the call's span
 * and its model calls' spans.
 */
final class PromptObservationHandler implements ObservationHandler<ChatClientObservationContext> {

	private final PromptIdentityResolver resolver;

	private final InstrumentationErrors errors;

	/**
	 * Creates the handler.
	 * @param resolver resolves the identities
	 * @param errors where failures are reported
	 */
	PromptObservationHandler(PromptIdentityResolver resolver, InstrumentationErrors errors) {
		this.resolver = resolver;
		this.errors = errors.register(PromptIdentityResolver.COMPONENT);
	}

	@Override
	public void onStart(ChatClientObservationContext context) {
		this.errors.run(PromptIdentityResolver.COMPONENT, this.resolver, context, PromptObservationHandler::identify);
	}

	private static void identify(PromptIdentityResolver resolver, ChatClientObservationContext context) {
		// Always put, NONE included, so a nested call never shows the identity of the
		// call around it.
		context.put(PromptIdentity.class, resolver.resolve(context.getRequest()));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext;
	}

}
