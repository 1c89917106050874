package io.llmobs.judge;

import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.ChatOutcome;
import io.llmobs.chat.FinishReason;
import io.llmobs.chat.FinishedChatCall;
import io.llmobs.core.LlmObsParams;

/**
 * The failures llmobs knows without a judge, counted once per category for every
 * {@code ChatClient} call that ends (the judge's own excepted): {@code tool_failure} when
 * a tool of the call failed, timed out or was unavailable, or llmobs stopped its tool
 * loop; {@code serving_bottleneck} when the provider rate-limited the call, failed with a
 * 5xx or timed out; {@code context_construction} when the answer was cut at the
 * output-token limit or the prompt did not fit the model's context window; {@code safety}
 * when the provider's content filter stopped the answer or a guardrail of the application
 * blocked the call. The other categories need the judge, or the application's own report
 * to the {@link FailureRecorder}.
 */
final class KnownFailures implements ChatCallListener {

	private static final FailureCategory[] CATEGORIES = FailureCategory.values();

	private final FailureRecorder failures;

	/**
	 * Creates the listener.
	 * @param failures where failures are counted
	 */
	KnownFailures(FailureRecorder failures) {
		this.failures = failures;
	}

	@Override
	public void onFinished(FinishedChatCall call) {
		if (Boolean.TRUE.equals(call.request().context().get(LlmObsParams.JUDGE_SKIP))) {
			return;
		}
		for (FailureCategory category : CATEGORIES) {
			if (isKnown(call, category)) {
				this.failures.record(category, call.attribution().stage());
			}
		}
	}

	/**
	 * Whether a call failed in a category that llmobs counts without a judge, so that a
	 * judge naming the same category for the call does not count it twice.
	 * @param call the call
	 * @param category the category
	 * @return true when the call's own signals show the failure
	 */
	static boolean isKnown(FinishedChatCall call, FailureCategory category) {
		return switch (category) {
			case TOOL_FAILURE -> call.toolFailures() > 0 || call.loopStopped();
			case SERVING_BOTTLENECK -> failed(call) && ServingErrors.isServingBottleneck(call.error());
			case CONTEXT_CONSTRUCTION ->
				call.truncated() || (failed(call) && ServingErrors.isContextOverflow(call.error()));
			case SAFETY -> call.finishedWith(FinishReason.CONTENT_FILTER) || call.guardrailBlocked();
			case RETRIEVAL_MISS, RANKING, UNSUPPORTED_GENERATION, COVERAGE_GAP -> false;
		};
	}

	private static boolean failed(FinishedChatCall call) {
		return call.outcome() == ChatOutcome.ERROR;
	}

}
