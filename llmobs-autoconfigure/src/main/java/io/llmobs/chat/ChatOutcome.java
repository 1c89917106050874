package io.llmobs.chat;

/**
 * How a {@code ChatClient} call ended: the closed set of {@code outcome} tag values of
 * {@code llmobs.chat}.
 */
public enum ChatOutcome {

	/** A complete response. */
	SUCCESS("success"),

	/** An exception, or an error signal of the stream. */
	ERROR("error"),

	/** The subscriber cancelled the stream before it completed. */
	CANCELLED("cancelled");

	private final String tagValue;

	ChatOutcome(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The tag value.
	 * @return the {@code outcome} tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
