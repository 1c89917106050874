package io.llmobs.tool;

/**
 * How a tool call ended: the closed set of {@code outcome} tag values of
 * {@code llmobs.tool}.
 */
enum ToolOutcome {

	/** The tool returned a result. */
	SUCCESS("success"),

	/**
	 * The tool failed; Spring AI may still have sent the model an error message as its
	 * result.
	 */
	ERROR("error"),

	/**
	 * The tool's circuit breaker was open: the tool was not run and the model got the
	 * degraded-mode message.
	 */
	REJECTED("rejected"),

	/**
	 * The model repeated an identical call too often: the tool was not run and the model
	 * was told so.
	 */
	LOOP_BLOCKED("loop_blocked"),

	/**
	 * The tool did not answer within its time limit: it was interrupted and the model was
	 * told so.
	 */
	TIMEOUT("timeout");

	private final String tagValue;

	ToolOutcome(String tagValue) {
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
