package io.llmobs.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeBaseline;
import io.llmobs.judge.JudgeRequest;
import io.llmobs.judge.JudgeVerdict;
import org.jspecify.annotations.Nullable;

/**
 * Runs a golden dataset through the application's pipeline, scores every answer with the
 * judge and the case's cheap checks, and fails when the mean score is below the threshold
 * or a case fell below its baseline by more than the tolerance. Writes a JSON and a
 * Markdown report. In a JUnit 5 test: <pre>{@code
 * RegressionGate.builder(GoldenDataset.fromClasspath("golden/questions.jsonl"), pipeline::answer)
 *     .judge(judge)
 *     .build()
 *     .run()
 *     .assertPassed();
 * }</pre>
 */
public final class RegressionGate {

	/** The mean score a run needs by default. */
	public static final double DEFAULT_THRESHOLD = 0.90;

	/** How far below its baseline a case may fall by default. */
	public static final double DEFAULT_TOLERANCE = 0.05;

	/** Where reports go by default. */
	public static final Path DEFAULT_REPORT_DIRECTORY = Path.of("target", "llmobs-eval");

	private final Builder settings;

	private RegressionGate(Builder settings) {
		this.settings = settings;
	}

	/**
	 * Starts a gate.
	 * @param dataset the golden dataset
	 * @param pipeline answers a case's input as the application would
	 * @return the builder
	 */
	public static Builder builder(GoldenDataset dataset, Function<String, String> pipeline) {
		return new Builder(dataset, pipeline);
	}

	/**
	 * Runs every case, on the calling thread, and writes the reports.
	 * @return the result; see {@link GateResult#assertPassed()}
	 */
	public GateResult run() {
		Builder gate = this.settings;
		List<CaseResult> results = new ArrayList<>();
		Map<String, List<Double>> criterionScores = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		for (GoldenCase goldenCase : gate.dataset.cases()) {
			CaseResult result = run(goldenCase);
			results.add(result);
			result.judgeScores()
				.forEach((criterion, score) -> criterionScores.computeIfAbsent(criterion, (key) -> new ArrayList<>())
					.add(score));
			if (result.error() != null) {
				failures.add("case '" + result.id() + "' could not be scored: " + result.error());
			}
			else if (result.regressed()) {
				failures.add(String.format(Locale.ROOT,
						"case '%s' scored %.3f, below its baseline %.3f by more than " + "%.3f", result.id(),
						result.score(), result.baselineScore(), gate.tolerance));
			}
		}
		double mean = results.stream().mapToDouble(CaseResult::score).average().orElse(0);
		if (mean < gate.threshold) {
			failures.add(0,
					String.format(Locale.ROOT, "mean score %.3f is below the threshold %.3f", mean, gate.threshold));
		}
		Map<String, Double> criterionMeans = new LinkedHashMap<>();
		criterionScores.forEach((criterion, scores) -> criterionMeans.put(criterion,
				scores.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
		GateResult result = new GateResult(gate.dataset.name(), gate.stage, gate.threshold, gate.tolerance, mean,
				criterionMeans, List.copyOf(results), List.copyOf(failures));
		if (gate.reportDirectory != null) {
			GateReports.write(result, gate.reportDirectory);
		}
		return result;
	}

	private CaseResult run(GoldenCase goldenCase) {
		Builder gate = this.settings;
		Double baselineScore = gate.baseline.cases().get(goldenCase.id());
		String answer;
		try {
			answer = Objects.requireNonNullElse(gate.pipeline.apply(goldenCase.input()), "");
		}
		catch (RuntimeException ex) {
			return failed(goldenCase, "", baselineScore, "pipeline failed: " + ex);
		}
		Map<String, Boolean> checks = goldenCase.check(answer);
		JudgeVerdict verdict = null;
		if (gate.judge != null) {
			try {
				verdict = gate.judge.evaluate(new JudgeRequest(goldenCase.input(), goldenCase.judgeContext(), List.of(),
						answer, gate.stage, gate.model));
			}
			catch (RuntimeException ex) {
				return failed(goldenCase, answer, baselineScore, "judge failed: " + ex.getMessage());
			}
		}
		List<Double> parts = new ArrayList<>();
		if (verdict != null) {
			parts.addAll(verdict.scores().values());
		}
		checks.values().forEach((passed) -> parts.add(passed ? 1.0 : 0.0));
		double score = parts.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		boolean regressed = baselineScore != null && score < baselineScore - gate.tolerance;
		return new CaseResult(goldenCase.id(), goldenCase.input(), answer,
				(verdict != null) ? verdict.scores() : Map.of(), checks, score, baselineScore,
				(verdict != null) ? verdict.label() : null, (verdict != null) ? verdict.explanation() : null,
				(verdict != null && verdict.category() != null) ? verdict.category().tagValue() : null, null,
				regressed);
	}

	private static CaseResult failed(GoldenCase goldenCase, String answer, @Nullable Double baselineScore,
			String error) {
		return new CaseResult(goldenCase.id(), goldenCase.input(), answer, Map.of(), Map.of(), 0, baselineScore, null,
				null, null, error, false);
	}

	/**
	 * Settings of a gate.
	 */
	public static final class Builder {

		private final GoldenDataset dataset;

		private final Function<String, String> pipeline;

		private @Nullable Judge judge;

		private String stage = "default";

		private String model = "unknown";

		private double threshold = DEFAULT_THRESHOLD;

		private double tolerance = DEFAULT_TOLERANCE;

		private JudgeBaseline baseline = JudgeBaseline.EMPTY;

		private @Nullable Path reportDirectory = DEFAULT_REPORT_DIRECTORY;

		private Builder(GoldenDataset dataset, Function<String, String> pipeline) {
			this.dataset = dataset;
			this.pipeline = pipeline;
		}

		/**
		 * The judge that scores each answer; without one, only the cheap checks score.
		 * @param judge the judge
		 * @return this builder
		 */
		public Builder judge(@Nullable Judge judge) {
			this.judge = judge;
			return this;
		}

		/**
		 * The stage the answers belong to: the judge is told, and the baseline's means
		 * are recorded under it for {@code llmobs.judge.drift{stage}}.
		 * @param stage the stage
		 * @return this builder
		 */
		public Builder stage(String stage) {
			this.stage = stage;
			return this;
		}

		/**
		 * The model that answers, as the judge is told.
		 * @param model the model id
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * The mean score the run needs, {@value RegressionGate#DEFAULT_THRESHOLD} by
		 * default.
		 * @param threshold the threshold in [0, 1]
		 * @return this builder
		 */
		public Builder threshold(double threshold) {
			this.threshold = threshold;
			return this;
		}

		/**
		 * How far below its baseline score a case may fall,
		 * {@value RegressionGate#DEFAULT_TOLERANCE} by default.
		 * @param tolerance the tolerance in [0, 1]
		 * @return this builder
		 */
		public Builder tolerance(double tolerance) {
			this.tolerance = tolerance;
			return this;
		}

		/**
		 * The baseline each case is compared with.
		 * @param baseline the baseline
		 * @return this builder
		 */
		public Builder baseline(JudgeBaseline baseline) {
			this.baseline = baseline;
			return this;
		}

		/**
		 * The baseline file each case is compared with, when it exists.
		 * @param file the baseline file
		 * @return this builder
		 */
		public Builder baseline(Path file) {
			this.baseline = Files.exists(file) ? JudgeBaseline.read(file) : JudgeBaseline.EMPTY;
			return this;
		}

		/**
		 * Where the reports go, {@code target/llmobs-eval} by default; {@code null}: no
		 * reports.
		 * @param reportDirectory the directory
		 * @return this builder
		 */
		public Builder reportDirectory(@Nullable Path reportDirectory) {
			this.reportDirectory = reportDirectory;
			return this;
		}

		/**
		 * The gate.
		 * @return the gate
		 * @throws IllegalStateException when there is no judge and a case has no check,
		 * so nothing would score it
		 */
		public RegressionGate build() {
			if (this.threshold < 0 || this.threshold > 1 || this.tolerance < 0 || this.tolerance > 1) {
				throw new IllegalStateException("threshold and tolerance must be in [0, 1]");
			}
			if (this.judge == null) {
				for (GoldenCase goldenCase : this.dataset.cases()) {
					if (goldenCase.check("").isEmpty()) {
						throw new IllegalStateException("Case '" + goldenCase.id() + "' has no check (exact, contains, "
								+ "regex) and there is no judge to score it");
					}
				}
			}
			return new RegressionGate(this);
		}

	}

}
