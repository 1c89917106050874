package io.llmobs.conversation;

import io.llmobs.context.ContextAccountant;
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
 * Adds the conversation id and turn to the span of a {@code ChatClient} call that belongs
 * to a conversation and to the spans of its model calls, with the history's share of the
 * window on the model calls. Written on the span, never as a tag of a meter.
 */
final class ConversationSpanEnricher implements ObservationFilter {

	private static final SpanAttributeKey CONVERSATION_ID = SpanAttributeKey
		.of(ConversationSpanAttributes.CONVERSATION_ID);

	private static final SpanAttributeKey TURN = SpanAttributeKey.of(ConversationSpanAttributes.TURN);

	private static final SpanAttributeKey HISTORY_RATIO = SpanAttributeKey.of(ConversationSpanAttributes.HISTORY_RATIO);

	private final @Nullable ContextAccountant accountant;

	private final InstrumentationErrors errors;

	ConversationSpanEnricher(@Nullable ContextAccountant accountant, InstrumentationErrors errors) {
		this.accountant = accountant;
		this.errors = errors.register(ConversationInstrumentation.COMPONENT);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if ((context instanceof ChatClientObservationContext || context instanceof ChatModelObservationContext)
				&& SpanPresence.hasSpan(context)) {
			this.errors.run(ConversationInstrumentation.COMPONENT, this, context, ConversationSpanEnricher::enrich);
		}
		return context;
	}

	private void enrich(Observation.Context context) {
		ConversationTurn turn = ObservationAncestry.find(context, ChatClientObservationContext.class,
				ConversationTurn.class);
		if (turn == null) {
			return;
		}
		SpanAttributeWriter.set(context, CONVERSATION_ID, turn.conversationId());
		SpanAttributeWriter.set(context, TURN, turn.number());
		if (context instanceof ChatModelObservationContext model && this.accountant != null) {
			Double historyRatio = HistoryRatio.of(this.accountant.account(model));
			if (historyRatio != null) {
				SpanAttributeWriter.set(context, HISTORY_RATIO, historyRatio.doubleValue());
			}
		}
	}

}
