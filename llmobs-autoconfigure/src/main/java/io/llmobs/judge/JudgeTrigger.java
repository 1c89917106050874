package io.llmobs.judge;

import java.util.Locale;

/**
 * Outcomes of a call that get it judged whatever the sample rate, when listed in
 * {@code llmobs.judge.always-on}.
 */
enum JudgeTrigger {

	/** The call failed; judged when it produced part of an answer. */
	ERROR("error"),

	/** The answer was cut at the output-token limit. */
	LENGTH("length"),

	/** A tool of the call failed, timed out or was unavailable. */
	TOOL_FAILURE("tool-failure");

	private final String value;

	JudgeTrigger(String value) {
		this.value = value;
	}

	/**
	 * The property value.
	 * @return the value as written in {@code llmobs.judge.always-on}
	 */
	String value() {
		return this.value;
	}

	/**
	 * The trigger of a property value.
	 * @param value {@code error}, {@code length} or {@code tool-failure}, any case
	 * @return the trigger
	 * @throws IllegalArgumentException for any other value
	 */
	static JudgeTrigger of(String value) {
		String normalized = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		for (JudgeTrigger trigger : values()) {
			if (trigger.value.equals(normalized)) {
				return trigger;
			}
		}
		throw new IllegalArgumentException("'" + value + "' is not one of error, length, tool-failure");
	}

}
