package io.llmobs.tool;

/**
 * Why llmobs stopped or held back an agent loop: the closed set of {@code reason} tag
 * values of {@code llmobs.agent.loop.stopped}.
 */
enum LoopStopReason {

	/**
	 * The {@code ChatClient} call reached {@code llmobs.tools.max-iterations} model round
	 * trips.
	 */
	MAX_ITERATIONS("max_iterations"),

	/**
	 * The model asked for a tool call identical to more than
	 * {@code llmobs.tools.loop.max-identical-calls} before.
	 */
	IDENTICAL_CALLS("identical_calls");

	private final String tagValue;

	LoopStopReason(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The tag value.
	 * @return the {@code reason} tag value
	 */
	String tagValue() {
		return this.tagValue;
	}

}
