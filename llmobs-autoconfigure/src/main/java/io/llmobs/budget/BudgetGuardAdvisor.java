package io.llmobs.budget;

import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;

/**
 * Checks every {@code ChatClient} call against its tenant's and stage's budgets before
 * anything else of the call runs (retrieval, memory, the tool loop, the model), and in
 * {@code block} mode refuses it with {@link LlmBudgetExceededException}. A failure of its
 * own (a spend store that cannot answer) never fails the call.
 */
final class BudgetGuardAdvisor implements CallAdvisor, StreamAdvisor, LlmObsAdvisor {

	/** Early in the chain, so that a refused call costs nothing downstream. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1000;

	private final SpendBudgets budgets;

	private final CallAttributionResolver attributionResolver;

	private final InstrumentationErrors errors;

	BudgetGuardAdvisor(SpendBudgets budgets, CallAttributionResolver attributionResolver,
			InstrumentationErrors errors) {
		this.budgets = budgets;
		this.attributionResolver = attributionResolver;
		this.errors = errors.register(BudgetInstrumentation.COMPONENT);
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		LlmBudgetExceededException refusal = check(request);
		if (refusal != null) {
			throw refusal;
		}
		return chain.nextCall(request);
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.defer(() -> {
			LlmBudgetExceededException refusal = check(request);
			return (refusal != null) ? Flux.error(refusal) : chain.nextStream(request);
		});
	}

	// A null fallback is a valid T (T extends @Nullable Object), which only NullAway's
	// JSpecify mode can see.
	@SuppressWarnings("NullAway")
	private @Nullable LlmBudgetExceededException check(ChatClientRequest request) {
		return this.errors.call(BudgetInstrumentation.COMPONENT, this, request, BudgetGuardAdvisor::refusal, null);
	}

	private @Nullable LlmBudgetExceededException refusal(ChatClientRequest request) {
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
