package io.llmobs.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a gate run as {@code <dataset>.json} and {@code <dataset>.md} in the report
 * directory.
 */
final class GateReports {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private GateReports() {
	}

	static void write(GateResult result, Path directory) {
		try {
			Files.createDirectories(directory);
			Files.writeString(directory.resolve(result.dataset() + ".json"), JSON.writeValueAsString(result));
			Files.writeString(directory.resolve(result.dataset() + ".md"), markdown(result));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the regression gate report to " + directory, ex);
		}
	}

	static String markdown(GateResult result) {
		StringBuilder md = new StringBuilder();
		md.append("# Regression gate: ").append(result.dataset()).append("\n\n");
		md.append("**")
			.append(result.passed() ? "PASSED" : "FAILED")
			.append("**: mean ")
			.append(format(result.mean()))
			.append(" (threshold ")
			.append(format(result.threshold()))
			.append(", tolerance ")
			.append(format(result.tolerance()))
			.append("), ")
			.append(result.cases().size())
			.append(" cases, stage `")
			.append(result.stage())
			.append("`\n\n");
		if (!result.criterionMeans().isEmpty()) {
			md.append("| criterion | mean |\n|---|---|\n");
			result.criterionMeans()
				.forEach((criterion,
						mean) -> md.append("| ").append(criterion).append(" | ").append(format(mean)).append(" |\n"));
			md.append('\n');
		}
		if (!result.failures().isEmpty()) {
			md.append("## Failures\n\n");
			result.failures().forEach((failure) -> md.append("- ").append(failure).append('\n'));
			md.append('\n');
		}
		md.append("## Cases\n\n| case | score | baseline | judge | checks | note |\n|---|---|---|---|---|---|\n");
		for (CaseResult caseResult : result.cases()) {
			md.append("| ")
				.append(caseResult.id())
				.append(" | ")
				.append(format(caseResult.score()))
				.append(caseResult.regressed() ? " (regressed)" : "")
				.append(" | ")
				.append((caseResult.baselineScore() != null) ? format(caseResult.baselineScore()) : "-")
				.append(" | ")
				.append(scores(caseResult.judgeScores()))
				.append(" | ")
				.append(checks(caseResult.checks()))
				.append(" | ")
				.append(cell(note(caseResult)))
				.append(" |\n");
		}
		return md.toString();
	}

	private static String note(CaseResult result) {
		if (result.error() != null) {
			return result.error();
		}
		String category = (result.failureCategory() != null) ? result.failureCategory() + ": " : "";
		return category + ((result.explanation() != null) ? result.explanation() : "");
	}

	private static String scores(Map<String, Double> scores) {
		StringBuilder text = new StringBuilder();
		scores.forEach((criterion, score) -> text.append((text.length() > 0) ? ", " : "")
			.append(criterion)
			.append(' ')
			.append(format(score)));
		return (text.length() > 0) ? text.toString() : "-";
	}

	private static String checks(Map<String, Boolean> checks) {
		long passed = checks.values().stream().filter(Boolean::booleanValue).count();
		return checks.isEmpty() ? "-" : passed + "/" + checks.size();
	}

	private static String cell(String text) {
		return text.replace('|', '/').replace('\n', ' ');
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

}
