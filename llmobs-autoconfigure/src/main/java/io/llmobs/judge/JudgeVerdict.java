package io.llmobs.judge;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The judge's verdict on one answer.
 *
 * @param scores a score in [0, 1] by criterion, in rubric order
 * @param label a short label ({@code pass}, {@code fail}, ...)
 * @param explanation why, in a sentence or two
 * @param category the failure category, {@code null} when nothing failed
 */
public record JudgeVerdict(Map<String, Double> scores, String label, String explanation,
		@Nullable FailureCategory category) {

	/**
	 * The mean of the scores.
	 * @return the mean, 0 when there are none
	 */
	public double meanScore() {
		return this.scores.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

}
