package io.llmobs.budget;

import io.llmobs.chat.GuardAdvisor;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.core.Ordered;

/**
 * Checks every {@code ChatClient} call against its tenant's and stage's budgets before
 * anything else of the call runs (retrieval, memory, the tool loop, the model), and in
 * {@code block} mode refuses it with {@link LlmBudgetExceededException}. A failure of its
 * own (a spend store that cannot answer) never fails the call.
 */
final class BudgetGuardAdvisor extends GuardAdvisor {

	/** Early in the chain, so that a refused call costs nothing downstream. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private final SpendBudgets budgets;

	private final CallAttributionResolver attributionResolver;

	BudgetGuardAdvisor(SpendBudgets budgets, CallAttributionResolver attributionResolver,
			InstrumentationErrors errors) {
		super(errors, BudgetInstrumentation.COMPONENT);
		this.budgets = budgets;
		this.attributionResolver = attributionResolver;
	}

	@Override
	protected @Nullable LlmBudgetExceededException refusal(ChatClientRequest request) {
		return this.budgets.check(this.attributionResolver.resolve(request.context()));
	}

	@Override
	public String getName() {
		return "llmobs-budget-guard";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
