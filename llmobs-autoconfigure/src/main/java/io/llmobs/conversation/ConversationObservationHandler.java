package io.llmobs.conversation;

import io.llmobs.chat.ModelCall;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextAccount;
import io.llmobs.context.ContextAccountant;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.ObservationAncestry;
import io.llmobs.cost.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Counts a turn when a {@code ChatClient} call with a conversation id starts, and adds
 * each of its model calls (tool-loop iterations and nested calls included) to the
 * conversation when it ends: tokens, cost, context utilization and the history's share of
 * the window. A call without a conversation id costs two map look-ups.
 */
final class ConversationObservationHandler implements ObservationHandler<Observation.Context> {

	private final Conversations conversations;

	private final ModelCallAccounting modelCalls;

	private final @Nullable ContextAccountant accountant;

	private final ConversationMeters meters;

	private final InstrumentationErrors errors;

	ConversationObservationHandler(Conversations conversations, ModelCallAccounting modelCalls,
			@Nullable ContextAccountant accountant, ConversationMeters meters, InstrumentationErrors errors) {
		this.conversations = conversations;
		this.modelCalls = modelCalls;
		this.accountant = accountant;
		this.meters = meters;
		this.errors = errors.register(ConversationInstrumentation.COMPONENT);
	}

	@Override
	public void onStart(Observation.Context context) {
		if (context instanceof ChatClientObservationContext client) {
			this.errors.run(ConversationInstrumentation.COMPONENT, this, client,
					ConversationObservationHandler::startTurn);
		}
	}

	private void startTurn(ChatClientObservationContext context) {
		String conversationId = Conversations.idOf(context.getRequest().context());
		if (conversationId != null) {
			context.put(ConversationTurn.class, this.conversations.turnStarted(conversationId));
		}
	}

	@Override
	public void onStop(Observation.Context context) {
		if (context instanceof ChatModelObservationContext model) {
			this.errors.run(ConversationInstrumentation.COMPONENT, this, model,
					ConversationObservationHandler::addModelCall);
		}
	}

	private void addModelCall(ChatModelObservationContext context) {
		ConversationTurn turn = ObservationAncestry.find(context, ChatClientObservationContext.class,
				ConversationTurn.class);
		if (turn == null) {
			return;
		}
		ModelCall call = this.modelCalls.account(context);
		ContextAccount account = (this.accountant != null) ? this.accountant.account(context) : null;
		Double historyRatio = HistoryRatio.of(account);
		TokenUsage usage = call.usage();
		turn.totals()
			.modelCall(usage.input(), usage.output(), call.costUsd(), (account != null) ? account.utilization() : null,
					historyRatio);
		if (historyRatio != null) {
			this.meters.historyRatio(call.model(), call.attribution().stage(), historyRatio);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext || context instanceof ChatModelObservationContext;
	}

}
