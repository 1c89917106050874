package io.llmobs.context;

import io.llmobs.chat.GuardAdvisor;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.core.Ordered;

/**
 * The opt-in block guard: refuses a request whose prompt would fill more of the model's
 * context window than the block ratio, before any token is paid for, with a
 * {@link ContextWindowExceededException}. It runs after the retrieval, memory and
 * tool-calling advisors, so it sees every round trip of the tool loop exactly as the
 * model would. It counts on the caller's thread, exactly; a failure of its own never
 * fails the call.
 */
final class ContextGuardAdvisor extends GuardAdvisor {

	/**
	 * Late in the chain: after Spring AI's advisors and ordinary application advisors,
	 * before the model call.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

	private final ContextAccountant accountant;

	private final double blockRatio;

	private final CallAttributionResolver attributionResolver;

	private final BoundedTagValues models;

	private final ContextMeters meters;

	/**
	 * Creates the guard.
	 * @param accountant the context accountant
	 * @param blockRatio the utilization above which requests are refused
	 * @param attributionResolver resolves the stage of a refused call
	 * @param models bounded model tag values
	 * @param meters the context meters
	 * @param errors where failures inside llmobs are reported
	 */
	ContextGuardAdvisor(ContextAccountant accountant, double blockRatio, CallAttributionResolver attributionResolver,
			BoundedTagValues models, ContextMeters meters, InstrumentationErrors errors) {
		super(errors, ContextAccountant.COMPONENT);
		this.accountant = accountant;
		this.blockRatio = blockRatio;
		this.attributionResolver = attributionResolver;
		this.models = models;
		this.meters = meters;
	}

	@Override
	protected @Nullable ContextWindowExceededException refusal(ChatClientRequest request) {
		ContextAccount account = this.accountant.accountExactly(request);
		Double utilization = account.utilization();
		Integer window = account.window();
		if (utilization == null || window == null || utilization <= this.blockRatio) {
			return null;
		}
		String model = this.models.bound(account.modelId());
		String stage = this.attributionResolver.resolve(request.context()).stage();
		this.meters.recordBlocked(model, stage, utilization);
		return new ContextWindowExceededException(account, window, this.blockRatio);
	}

	@Override
	public String getName() {
		return "llmobs-context-guard";
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
