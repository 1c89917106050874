package io.llmobs.eval;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.llmobs.judge.JudgeBaseline;

/**
 * The outcome of a regression-gate run.
 *
 * @param dataset the dataset's name
 * @param stage the stage the answers are attributed to in the baseline
 * @param threshold the mean score the run needed
 * @param tolerance how far below its baseline a case may fall
 * @param mean the mean case score
 * @param criterionMeans the judge's mean score by criterion
 * @param cases every case's result, in dataset order
 * @param failures why the gate failed, empty when it passed
 */
public record GateResult(String dataset, String stage, double threshold, double tolerance, double mean,
		Map<String, Double> criterionMeans, List<CaseResult> cases, List<String> failures) {

	/**
	 * Whether the gate passed.
	 * @return true when the mean met the threshold and no case regressed
	 */
	public boolean passed() {
		return this.failures.isEmpty();
	}

	/**
	 * Fails a test when the gate failed.
	 * @return this result, when it passed
	 * @throws AssertionError listing why the gate failed
	 */
	public GateResult assertPassed() {
		if (!passed()) {
			throw new AssertionError(
					"Regression gate '" + this.dataset + "' failed:\n- " + String.join("\n- ", this.failures));
		}
		return this;
	}

	/**
	 * This run as a baseline: the judge's means by criterion at this run's stage, and
	 * each case's score.
	 * @return the baseline
	 */
	public JudgeBaseline toBaseline() {
		Map<String, Map<String, Double>> means = new LinkedHashMap<>();
		this.criterionMeans.forEach((criterion, mean) -> means.put(criterion, Map.of(this.stage, mean)));
		Map<String, Double> scores = new LinkedHashMap<>();
		this.cases.forEach((result) -> scores.put(result.id(), result.score()));
		return new JudgeBaseline(Instant.now().toString(), means, scores);
	}

	/**
	 * Writes this run as the baseline of the next runs and of {@code llmobs.judge.drift}.
	 * @param file the baseline file, replaced
	 * @return this result
	 */
	public GateResult writeBaseline(Path file) {
		toBaseline().write(file);
		return this;
	}

}
