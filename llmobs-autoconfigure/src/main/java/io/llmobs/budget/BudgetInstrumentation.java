package io.llmobs.budget;

import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.DailySpend;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * The spend budgets, built once from their settings: hands out the guard advisor and the
 * observation handler that records spend as the types Spring AI and Micrometer take.
 */
public final class BudgetInstrumentation {

	/**
	 * Where failures of the budgets are reported in
	 * {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("budget");

	private final SpendBudgets budgets;

	private final LlmObsAdvisor guard;

	private final ObservationHandler<ChatModelObservationContext> observationHandler;

	/**
	 * Creates the budgets.
	 * @param settings the budgets and what a call over one does
	 * @param spend where each scope's spend per UTC day is kept
	 * @param modelCalls the chat instrumentation's accounting, which prices each model
	 * call
	 * @param attributionResolver resolves the tenant and stage of a call
	 * @param errors where failures inside llmobs are reported
	 * @param meterRegistry where the budget meters are registered; its clock tells the
	 * day
	 */
	public BudgetInstrumentation(SpendBudgets.Settings settings, DailySpend spend, ModelCallAccounting modelCalls,
			CallAttributionResolver attributionResolver, InstrumentationErrors errors, MeterRegistry meterRegistry) {
		this.budgets = new SpendBudgets(settings, spend, new BudgetMeters(meterRegistry),
				meterRegistry.config().clock());
		this.guard = new BudgetGuardAdvisor(this.budgets, attributionResolver, errors);
		this.observationHandler = new BudgetObservationHandler(this.budgets, modelCalls, errors);
	}

	/**
	 * The budgets and their spend, for the endpoint.
	 * @return the budgets
	 */
	public SpendBudgets budgets() {
		return this.budgets;
	}

	/**
	 * Checks every {@code ChatClient} call before the model is called.
	 * @return the advisor
	 */
	public LlmObsAdvisor guard() {
		return this.guard;
	}

	/**
	 * Records the cost of every model call.
	 * @return the handler of model-call observations
	 */
	public ObservationHandler<ChatModelObservationContext> observationHandler() {
		return this.observationHandler;
	}

}
