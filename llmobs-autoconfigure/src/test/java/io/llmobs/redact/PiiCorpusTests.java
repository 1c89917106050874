package io.llmobs.redact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall and precision of the built-in detectors, per type, on the labelled corpus in
 * {@code redact/pii-corpus.tsv}: several formats of every type and hard negatives (order
 * and tracking numbers, dates, versions, invalid check digits). An entity counts as found
 * only with its type and exact span. Default settings: national phone numbers are read as
 * US numbers. The table is printed and copied into docs/privacy.md.
 */
class PiiCorpusTests {

	private static final double MIN_RECALL = 0.99;

	private static final double MIN_PRECISION = 0.95;

	private final PiiScanner scanner = new PiiScanner(List.of(new BuiltInPiiDetector(List.of("US"))));

	@Test
	void everyTypeMeetsTheRecallAndPrecisionTargets() throws IOException {
		Map<String, int[]> counts = new TreeMap<>();
		PiiTypes.builtIn().forEach((type) -> counts.put(type, new int[3]));
		List<String> misses = new ArrayList<>();
		List<Sample> samples = samples();
		for (Sample sample : samples) {
			List<String> expected = new ArrayList<>(sample.expected());
			for (PiiEntity entity : this.scanner.scan(sample.text())) {
				String found = entity.type() + "=" + sample.text().substring(entity.start(), entity.end());
				int[] count = counts.get(entity.type());
				if (expected.remove(found)) {
					count[0]++;
				}
				else {
					count[1]++;
					misses.add("false positive " + found + " in: " + sample.text());
				}
			}
			for (String missed : expected) {
				counts.get(missed.substring(0, missed.indexOf('=')))[2]++;
				misses.add("missed " + missed + " in: " + sample.text());
			}
		}
		StringBuilder table = new StringBuilder(
				"\n| type | entities | found | false positives | recall | precision |\n")
			.append("|---|---|---|---|---|---|\n");
		counts.forEach((type, count) -> table.append(String.format("| `%s` | %d | %d | %d | %.3f | %.3f |%n", type,
				count[0] + count[2], count[0], count[1], recall(count), precision(count))));
		System.out.println("PII corpus: " + samples.size() + " strings, "
				+ samples.stream().filter((sample) -> sample.expected().isEmpty()).count() + " without PII" + table);
		misses.forEach(System.out::println);
		counts.forEach((type, count) -> {
			assertThat(recall(count)).as("recall of " + type).isGreaterThanOrEqualTo(MIN_RECALL);
			assertThat(precision(count)).as("precision of " + type).isGreaterThanOrEqualTo(MIN_PRECISION);
		});
		assertThat(samples).hasSizeGreaterThan(300);
	}

	private static double recall(int[] count) {
		return (count[0] + count[2] == 0) ? 1.0 : (double) count[0] / (count[0] + count[2]);
	}

	private static double precision(int[] count) {
		return (count[0] + count[1] == 0) ? 1.0 : (double) count[0] / (count[0] + count[1]);
	}

	static List<Sample> samples() throws IOException {
		try (InputStream in = PiiCorpusTests.class.getResourceAsStream("/redact/pii-corpus.tsv")) {
			List<Sample> samples = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t", -1);
				samples.add(new Sample(cells[0], List.of(cells).subList(1, cells.length)));
			}
			return samples;
		}
	}

	/** A corpus line: the text and its entities as {@code type=substring}. */
	record Sample(String text, List<String> expected) {

	}

}
