package io.llmobs.judge;

import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.ChatOutcome;
import io.llmobs.chat.FinishedChatCall;
import io.llmobs.chat.LlmObsParams;

/**
 * The failures llmobs knows without a judge, counted for every {@code ChatClient} call that ends:
 * {@code tool_failure} when a tool of the call failed, timed out or was unavailable, and {@code serving_bottleneck}
 * when the provider rate-limited the call, failed with a 5xx or timed out. The judge's own calls are not counted.
 */
public final class KnownFailures implements ChatCallListener {

	private final FailureRecorder failures;

	/**
	 * Creates the listener.
	 * @param failures where failures are counted
	 */
	public KnownFailures(FailureRecorder failures) {
		this.failures = failures;
	}

	@Override
	public void onFinished(FinishedChatCall call) {
		if (Boolean.TRUE.equals(call.request().context().get(LlmObsParams.JUDGE_SKIP))) {
			return;
		}
		String stage = call.attribution().stage();
		if (call.toolFailures() > 0) {
			this.failures.record(FailureCategory.TOOL_FAILURE, stage);
		}
		if (call.outcome() == ChatOutcome.ERROR && ServingErrors.isServingBottleneck(call.error())) {
			this.failures.record(FailureCategory.SERVING_BOTTLENECK, stage);
		}
	}

}
