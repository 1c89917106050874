package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.llmobs.redact.GeneratedPii.Written;
import io.llmobs.redact.GeneratedPii.WrittenNearMiss;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall and precision of the built-in detectors, per type, over generated sets (fixed
 * seed): {@value #PER_TYPE} values of each type and {@value #PER_KIND} look-alikes of
 * each kind, each in a random context amid random text. An entity counts as found only
 * with its type and exact span; anything else found is a false positive of its type. The
 * table is printed and copied into docs/privacy.md.
 */
class GeneratedPiiRecallTests {

	private static final int PER_TYPE = 1000;

	private static final int PER_KIND = 500;

	private static final double MIN_RECALL = 0.99;

	private static final double MIN_PRECISION = 0.95;

	private final PiiScanner scanner = new PiiScanner(List.of(new BuiltInPiiDetector(List.of("US"))));

	@Test
	void everyTypeMeetsTheRecallAndPrecisionTargetsOnGeneratedSets() {
		Map<String, int[]> counts = new TreeMap<>();
		List<String> misses = new ArrayList<>();
		JqwikSession.run("20261203", () -> {
			GeneratedPii.byType().forEach((type, values) -> {
				int[] count = counts.computeIfAbsent(type, (t) -> new int[3]);
				GeneratedPii.written(values).sampleStream().limit(PER_TYPE).forEach((written) -> {
					boolean found = false;
					for (PiiEntity entity : this.scanner.scan(written.text())) {
						if (entity.equals(written.entity())) {
							found = true;
						}
						else {
							falsePositive(counts, misses, entity, written.text());
						}
					}
					count[found ? 0 : 2]++;
					if (!found) {
						misses.add("missed " + written);
					}
				});
			});
			GeneratedPii.nearMisses()
				.values()
				.forEach((lookAlikes) -> GeneratedPii.writtenNearMiss(lookAlikes)
					.sampleStream()
					.limit(PER_KIND)
					.map(WrittenNearMiss::text)
					.forEach((text) -> this.scanner.scan(text)
						.forEach((entity) -> falsePositive(counts, misses, entity, text))));
		});
		StringBuilder table = new StringBuilder(
				"\n| type | entities | found | false positives | recall | precision |\n")
			.append("|---|---|---|---|---|---|\n");
		counts.forEach((type, count) -> table.append(String.format("| `%s` | %d | %d | %d | %.3f | %.3f |%n", type,
				count[0] + count[2], count[0], count[1], recall(count), precision(count))));
		System.out.println("Generated PII: " + PER_TYPE + " values per type, " + PER_KIND + " look-alikes of each of "
				+ GeneratedPii.nearMisses().size() + " kinds" + table);
		misses.forEach(System.out::println);
		counts.forEach((type, count) -> {
			assertThat(recall(count)).as("recall of " + type).isGreaterThanOrEqualTo(MIN_RECALL);
			assertThat(precision(count)).as("precision of " + type).isGreaterThanOrEqualTo(MIN_PRECISION);
		});
		assertThat(counts).containsOnlyKeys(PiiTypes.builtIn());
	}

	private static void falsePositive(Map<String, int[]> counts, List<String> misses, PiiEntity entity, String text) {
		counts.computeIfAbsent(entity.type(), (t) -> new int[3])[1]++;
		misses.add("false positive " + entity.type() + "=" + text.substring(entity.start(), entity.end()) + " in: "
				+ text);
	}

	private static double recall(int[] count) {
		return (count[0] + count[2] == 0) ? 1.0 : (double) count[0] / (count[0] + count[2]);
	}

	private static double precision(int[] count) {
		return (count[0] + count[1] == 0) ? 1.0 : (double) count[0] / (count[0] + count[1]);
	}

}
