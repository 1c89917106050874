package io.llmobs.chat;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.UnpricedModelWarnings;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Records tokens, cost and finish reasons of every model round trip that Spring AI
 * observes (each iteration of a tool loop included), and adds the cost to the enclosing
 * task.
 */
final class ChatModelMetricsHandler implements ObservationHandler<ChatModelObservationContext> {

	private final ModelCallAccounting accounting;

	private final ChatMeters meters;

	private final CostTotals costTotals;

	private final UnpricedModelWarnings unpricedWarnings;

	private final InstrumentationErrors errors;

	/**
	 * Creates the handler.
	 * @param accounting the model-call accounting shared with the span enrichment
	 * @param meters the chat meters
	 * @param costTotals running totals for the endpoint
	 * @param unpricedWarnings warnings about models without a price
	 * @param errors where failures inside llmobs are reported
	 */
	ChatModelMetricsHandler(ModelCallAccounting accounting, ChatMeters meters, CostTotals costTotals,
			UnpricedModelWarnings unpricedWarnings, InstrumentationErrors errors) {
		this.accounting = accounting;
		this.meters = meters;
		this.costTotals = costTotals;
		this.unpricedWarnings = unpricedWarnings;
		this.errors = errors.register(ChatComponents.MODEL_METRICS);
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		this.errors.run(ChatComponents.MODEL_METRICS, this.accounting, context, ModelCallAccounting::scope);
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		this.errors.run(ChatComponents.MODEL_METRICS, this, context, ChatModelMetricsHandler::stopped);
	}

	private void stopped(ChatModelObservationContext context) {
		ChatCall call = ChatModelContexts.isStreaming(context) ? ChatCalls.enclosing(context) : null;
		if (call == null) {
			record(this.accounting.account(context));
		}
		else if (!call.atStreamEnd(() -> this.errors.run(ChatComponents.MODEL_METRICS, this, context,
				ChatModelMetricsHandler::recordHeld))) {
			// the span filter accounted the call already, maybe before the stream's last
			// chunk reached llmobs
			record(this.accounting.reaccount(context));
		}
	}

	/**
	 * Records a streamed model call that was held back until its {@code ChatClient}
	 * stream ended, with the usage of its last chunks.
	 */
	private void recordHeld(ChatModelObservationContext context) {
		record(this.accounting.reaccount(context));
	}

	/**
	 * Records the meters of an accounted call and adds its cost to the totals and to the
	 * enclosing task; shared with the embedding calls.
	 */
	void record(ModelCall call) {
		this.meters.record(call);
		Double cost = call.costUsd();
		if (cost != null) {
			this.costTotals.add(call.model(), call.attribution().stage(), cost);
			LlmTaskContext task = call.scope().task();
			if (task != null) {
				task.addCost(cost);
			}
		}
		else if (call.usageReported()) {
			this.unpricedWarnings.warnOnce(call.model(), call.modelId(), call.provider());
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

}
