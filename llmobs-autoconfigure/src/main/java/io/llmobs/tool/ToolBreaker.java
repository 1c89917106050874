package io.llmobs.tool;

import org.jspecify.annotations.Nullable;

/**
 * What the guard asks of one tool's circuit breaker, so that tools are timed and loops
 * bounded without Resilience4j on the class path; {@link #NONE} stands in for a breaker
 * there.
 */
interface ToolBreaker {

	/** No breaker: every call is let through and nothing is counted. */
	ToolBreaker NONE = new ToolBreaker() {

		@Override
		public boolean tryAcquirePermission() {
			return true;
		}

		@Override
		public void onSuccess(long nanos) {
		}

		@Override
		public void onError(long nanos, Throwable error) {
		}

		@Override
		public @Nullable String state() {
			return null;
		}

	};

	/**
	 * Asks to run the tool.
	 * @return whether the tool may run
	 */
	boolean tryAcquirePermission();

	/**
	 * Records a call that succeeded.
	 * @param nanos how long it took
	 */
	void onSuccess(long nanos);

	/**
	 * Records a call that failed or did not answer in time.
	 * @param nanos how long it took
	 * @param error why
	 */
	void onError(long nanos, Throwable error);

	/**
	 * The breaker's state, for the span.
	 * @return the state in lower case, or {@code null} when there is no breaker
	 */
	@Nullable String state();

}
