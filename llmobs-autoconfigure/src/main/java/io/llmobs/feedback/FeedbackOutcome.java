package io.llmobs.feedback;

import java.util.Locale;

/**
 * What a user did with a call's output: the closed set of {@code outcome} tag values of
 * {@code llmobs.feedback}.
 */
public enum FeedbackOutcome {

	/** Used as it was: ends the time to good output. */
	ACCEPTED("accepted"),

	/** Used after the user changed it. */
	EDITED("edited"),

	/** Asked for again. */
	REGENERATED("regenerated"),

	/** Left without using it. */
	ABANDONED("abandoned"),

	/** Rated good. */
	THUMBS_UP("thumbs_up"),

	/** Rated bad. */
	THUMBS_DOWN("thumbs_down");

	private final String tagValue;

	FeedbackOutcome(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The tag value.
	 * @return the {@code outcome} tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * Whether this outcome, after a guardrail blocked the call, means the block was
	 * wrong.
	 * @return {@code true} for {@link #EDITED} and {@link #THUMBS_DOWN}
	 */
	public boolean overridesGuardrail() {
		return this == EDITED || this == THUMBS_DOWN;
	}

	/**
	 * The outcome of a tag value or constant name, in any case, with {@code -} or
	 * {@code _}.
	 * @param value for example {@code thumbs_down}, {@code thumbs-down} or
	 * {@code THUMBS_DOWN}
	 * @return the outcome
	 * @throws IllegalArgumentException when the value names none, listing the values
	 */
	public static FeedbackOutcome of(String value) {
		String normalized = value.trim().replace('-', '_').toLowerCase(Locale.ROOT);
		for (FeedbackOutcome outcome : values()) {
			if (outcome.tagValue.equals(normalized)) {
				return outcome;
			}
		}
		throw new IllegalArgumentException("Unknown feedback outcome '" + value
				+ "'; expected accepted, edited, regenerated, abandoned, thumbs_up or thumbs_down");
	}

}
