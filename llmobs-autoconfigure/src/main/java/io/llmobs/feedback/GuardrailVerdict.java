package io.llmobs.feedback;

/**
 * What one of the application's guardrails decided: the closed set of {@code verdict} tag
 * values of {@code llmobs.guardrail}.
 */
public enum GuardrailVerdict {

	/** Let through unchanged. */
	ALLOW("allow"),

	/**
	 * Refused. Feedback {@code edited} or {@code thumbs_down} on the call counts it as a
	 * false positive.
	 */
	BLOCK("block"),

	/** Let through with parts removed or masked. */
	REDACT("redact");

	private final String tagValue;

	GuardrailVerdict(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The tag value.
	 * @return the {@code verdict} tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
