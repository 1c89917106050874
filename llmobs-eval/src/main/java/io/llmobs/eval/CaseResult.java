package io.llmobs.eval;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How one golden case fared.
 *
 * @param id the case's id
 * @param input the question
 * @param answer the pipeline's answer, empty when it failed
 * @param judgeScores the judge's score by criterion, empty without a judge or when it
 * failed
 * @param checks pass or fail by cheap check
 * @param score the mean of the judge's scores and the checks (1 pass, 0 fail); 0 when the
 * pipeline or the judge failed
 * @param baselineScore the case's score in the baseline, or {@code null}
 * @param label the judge's label, or {@code null}
 * @param explanation the judge's explanation, or {@code null}
 * @param failureCategory the failure category the judge named, or {@code null}
 * @param error why the case could not be scored, or {@code null}
 * @param regressed whether the score fell below the baseline by more than the tolerance
 */
public record CaseResult(String id, String input, String answer, Map<String, Double> judgeScores,
		Map<String, Boolean> checks, double score, @Nullable Double baselineScore, @Nullable String label,
		@Nullable String explanation, @Nullable String failureCategory, @Nullable String error, boolean regressed) {
}
