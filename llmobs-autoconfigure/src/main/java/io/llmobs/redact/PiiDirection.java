package io.llmobs.redact;

/**
 * Where an entity was found: the closed set of {@code direction} tag values.
 */
public enum PiiDirection {

	/** Messages sent to the model: system, user and tool messages. */
	INPUT("input"),

	/** What the model answered: text and tool-call arguments. */
	OUTPUT("output");

	private final String tagValue;

	PiiDirection(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The tag value.
	 * @return {@code input} or {@code output}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
