package io.llmobs.budget;

import io.llmobs.chat.ModelCall;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Adds the cost of every model round trip, as the chat instrumentation priced it, to the
 * spend of its tenant and stage when the round trip ends.
 */
final class BudgetObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private final SpendBudgets budgets;

	private final ModelCallAccounting accounting;

	private final InstrumentationErrors errors;

	BudgetObservationHandler(SpendBudgets budgets, ModelCallAccounting accounting, InstrumentationErrors errors) {
		this.budgets = budgets;
		this.accounting = accounting;
		this.errors = errors.register(BudgetInstrumentation.COMPONENT);
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		this.errors.run(BudgetInstrumentation.COMPONENT, this, context, BudgetObservationHandler::record);
	}

	private void record(ChatModelObservationContext context) {
		ModelCall call = this.accounting.account(context);
		Double cost = call.costUsd();
		if (cost != null && cost > 0) {
			this.budgets.record(call.attribution(), cost);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

}
