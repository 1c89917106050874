package io.llmobs.judge;

/**
 * What became of a call chosen for judging: the closed set of {@code outcome} tag values
 * of {@code llmobs.judge.evaluations}.
 */
enum JudgeOutcome {

	/** The judge returned a verdict; its scores are recorded. */
	SCORED("scored"),

	/** The judge's queue was full; the call was not judged. */
	DROPPED_QUEUE_FULL("dropped_queue_full"),

	/**
	 * More judgements than {@code llmobs.judge.max-per-minute} were asked for; the call
	 * was not judged.
	 */
	DROPPED_RATE("dropped_rate"),

	/**
	 * The judge spent {@code llmobs.judge.daily-budget-usd} today; the call was not
	 * judged.
	 */
	DROPPED_BUDGET("dropped_budget"),

	/** The judge model failed. */
	ERROR("error"),

	/**
	 * The judge did not answer within {@code llmobs.judge.timeout}; a late verdict is
	 * discarded.
	 */
	TIMEOUT("timeout"),

	/** The judge's answer held no verdict that could be read. */
	UNPARSEABLE("unparseable");

	private final String tagValue;

	JudgeOutcome(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The tag value.
	 * @return the {@code outcome} tag value
	 */
	String tagValue() {
		return this.tagValue;
	}

}
