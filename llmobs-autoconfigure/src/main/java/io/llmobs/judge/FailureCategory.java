package io.llmobs.judge;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Why an answer went wrong: the closed taxonomy of {@code category} tag values of
 * {@code llmobs.failures}, named by the judge or known to llmobs without one (tool
 * failures, provider errors).
 */
public enum FailureCategory {

	/** The documents that answer the question were not retrieved. */
	RETRIEVAL_MISS("retrieval_miss"),

	/**
	 * The right documents were retrieved but ranked below others that crowded them out.
	 */
	RANKING("ranking"),

	/** The prompt was built badly: context cut, lost, duplicated or misplaced. */
	CONTEXT_CONSTRUCTION("context_construction"),

	/** The answer claims what the context does not support. */
	UNSUPPORTED_GENERATION("unsupported_generation"),

	/** A tool failed, timed out or was unavailable. */
	TOOL_FAILURE("tool_failure"),

	/** The provider rate-limited, failed (5xx) or timed out. */
	SERVING_BOTTLENECK("serving_bottleneck"),

	/** The answer is unsafe, or was blocked by a filter. */
	SAFETY("safety"),

	/** The question is outside what the application knows or is built to answer. */
	COVERAGE_GAP("coverage_gap");

	private final String tagValue;

	FailureCategory(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * The tag value.
	 * @return the {@code category} tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * The category of a tag value, as a judge writes it.
	 * @param value the value, any case, dashes or underscores
	 * @return the category, or {@code null} for {@code none}, blank or unknown values
	 */
	public static @Nullable FailureCategory of(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String normalized = value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (FailureCategory category : values()) {
			if (category.tagValue.equals(normalized)) {
				return category;
			}
		}
		return null;
	}

}
