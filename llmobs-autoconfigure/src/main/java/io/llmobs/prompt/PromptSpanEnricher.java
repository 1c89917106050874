package io.llmobs.prompt;

import io.llmobs.chat.ChatComponents;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.ObservationAncestry;
import io.llmobs.core.SpanAttributeKey;
import io.llmobs.core.SpanAttributeWriter;
import io.llmobs.core.SpanPresence;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Adds the prompt identity of a {@code ChatClient} call to its span and to the spans of
 * the model calls it made.
 */
final class PromptSpanEnricher implements ObservationFilter {

	private static final SpanAttributeKey PROMPT_NAME = SpanAttributeKey.of(PromptSpanAttributes.PROMPT_NAME);

	private static final SpanAttributeKey PROMPT_VERSION = SpanAttributeKey.of(PromptSpanAttributes.PROMPT_VERSION);

	private static final SpanAttributeKey PROMPT_HASH = SpanAttributeKey.of(PromptSpanAttributes.PROMPT_HASH);

	private final InstrumentationErrors errors;

	/**
	 * Creates the filter.
	 * @param errors where failures are reported
	 */
	PromptSpanEnricher(InstrumentationErrors errors) {
		this.errors = errors.register(ChatComponents.SPANS);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if ((context instanceof ChatClientObservationContext || context instanceof ChatModelObservationContext)
				&& SpanPresence.hasSpan(context)) {
			this.errors.run(ChatComponents.SPANS, context, PromptSpanEnricher::enrich);
		}
		return context;
	}

	private static void enrich(Observation.Context context) {
		PromptIdentity identity = ObservationAncestry.find(context, ChatClientObservationContext.class,
				PromptIdentity.class);
		if (identity != null && identity != PromptIdentity.NONE) {
			add(context, PROMPT_NAME, identity.name());
			add(context, PROMPT_VERSION, identity.version());
			add(context, PROMPT_HASH, identity.hash());
		}
	}

	private static void add(Observation.Context context, SpanAttributeKey key, @Nullable String value) {
		if (value != null) {
			SpanAttributeWriter.set(context, key, value);
		}
	}

}
