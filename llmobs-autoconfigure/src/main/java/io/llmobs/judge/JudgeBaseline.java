package io.llmobs.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.llmobs.core.Json;
import org.jspecify.annotations.Nullable;

/**
 * Mean judge scores that a regression-gate run recorded, by criterion and stage, and each
 * golden case's score: what {@code llmobs.judge.drift} compares live scores with, and
 * what the next gate run compares each case with.
 *
 * @param createdAt when the baseline was written (ISO-8601), or {@code null}
 * @param means mean score by criterion, then by stage
 * @param cases score by golden case id
 */
public record JudgeBaseline(@Nullable String createdAt, Map<String, Map<String, Double>> means,
		Map<String, Double> cases) {

	/** A baseline without any figure. */
	public static final JudgeBaseline EMPTY = new JudgeBaseline(null, Map.of(), Map.of());

	/**
	 * The baseline mean of a criterion at a stage.
	 * @param criterion the criterion
	 * @param stage the stage
	 * @return the mean, or {@code null} when the baseline has none
	 */
	public @Nullable Double mean(String criterion, String stage) {
		Map<String, Double> byStage = this.means.get(criterion);
		return (byStage != null) ? byStage.get(stage) : null;
	}

	/**
	 * Reads a baseline.
	 * @param json the baseline's JSON
	 * @return the baseline
	 * @throws IllegalArgumentException when it is not a baseline
	 */
	public static JudgeBaseline read(InputStream json) {
		Object value;
		try {
			value = Json.read(json);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not a judge baseline: " + ex.getMessage(), ex);
		}
		if (!(value instanceof Map<?, ?> baseline)) {
			throw new IllegalArgumentException("Not a judge baseline: not a JSON object");
		}
		Object createdAt = baseline.get("createdAt");
		if (createdAt != null && !(createdAt instanceof String)) {
			throw new IllegalArgumentException("Not a judge baseline: 'createdAt' is not a string");
		}
		Map<String, Map<String, Double>> means = new LinkedHashMap<>();
		entries(baseline.get("means"), "means")
			.forEach((criterion, byStage) -> means.put(criterion, scores(byStage, criterion)));
		return new JudgeBaseline((String) createdAt, means, scores(baseline.get("cases"), "cases"));
	}

	private static Map<String, Double> scores(@Nullable Object object, String field) {
		Map<String, Double> scores = new LinkedHashMap<>();
		entries(object, field).forEach((key, score) -> scores.put(key, score(score, key)));
		return scores;
	}

	private static Map<String, Object> entries(@Nullable Object value, String field) {
		Map<String, Object> entries = new LinkedHashMap<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, entry) -> entries.put(String.valueOf(key), entry));
		}
		else if (value != null) {
			throw new IllegalArgumentException("Not a judge baseline: '" + field + "' is not a JSON object");
		}
		return entries;
	}

	private static Double score(@Nullable Object value, String field) {
		if (!(value instanceof Number number)) {
			throw new IllegalArgumentException("Not a judge baseline: '" + field + "' is not a number");
		}
		return number.doubleValue();
	}

	/**
	 * Reads a baseline file.
	 * @param file the file
	 * @return the baseline
	 */
	public static JudgeBaseline read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the judge baseline " + file, ex);
		}
	}

	/**
	 * Writes this baseline.
	 * @param file the file, replaced
	 */
	public void write(Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("createdAt", this.createdAt);
			json.put("means", this.means);
			json.put("cases", this.cases);
			Files.writeString(file, Json.writeIndented(json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the judge baseline " + file, ex);
		}
	}

}
