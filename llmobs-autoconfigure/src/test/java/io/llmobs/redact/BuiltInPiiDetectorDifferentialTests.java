package io.llmobs.redact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporary, while the detector is split into recognizers: the new detector finds exactly what the previous one
 * found, in the same order, in generated values, look-alikes, the corpus and random text made of the characters
 * and fragments the scan reacts to, with every type on, each type alone, several regions and strict validation.
 */
class BuiltInPiiDetectorDifferentialTests {

	private static final int PER_TYPE = 3000;

	private static final int PER_KIND = 1000;

	private static final int RANDOM_TEXTS = 30000;

	@Test
	void theRecognizersFindExactlyWhatTheSingleClassFound() throws IOException {
		List<String> texts = new ArrayList<>();
		PiiCorpusTests.samples().forEach((sample) -> texts.add(sample.text()));
		JqwikSession.run("20261203", () -> {
			GeneratedPii.byType()
				.values()
				.forEach((values) -> GeneratedPii.written(values)
					.sampleStream()
					.limit(PER_TYPE)
					.forEach((written) -> texts.add(written.text())));
			GeneratedPii.nearMisses()
				.values()
				.forEach((lookAlikes) -> GeneratedPii.writtenNearMiss(lookAlikes)
					.sampleStream()
					.limit(PER_KIND)
					.forEach((written) -> texts.add(written.text())));
			randomTexts().sampleStream().limit(RANDOM_TEXTS).forEach(texts::add);
			Arbitrary<String> anyWritten = Arbitraries.oneOf(GeneratedPii.byType()
				.values()
				.stream()
				.map((values) -> GeneratedPii.written(values).map(GeneratedPii.Written::text))
				.toList());
			anyWritten.list()
				.ofMinSize(2)
				.ofMaxSize(5)
				.map((parts) -> String.join(" ", parts))
				.sampleStream()
				.limit(PER_TYPE)
				.forEach(texts::add);
		});
		List<List<String>> typeSets = new ArrayList<>();
		typeSets.add(PiiTypes.builtIn());
		typeSets.add(List.of());
		PiiTypes.builtIn().forEach((type) -> typeSets.add(List.of(type)));
		for (List<String> types : typeSets) {
			compare(texts, new BuiltInPiiDetectorBefore(types, List.of("US"), false),
					new BuiltInPiiDetector(types, List.of("US"), false));
		}
		compare(texts, new BuiltInPiiDetectorBefore(PiiTypes.builtIn(), List.of("US", "GB", "FR", "DE", "IT"), true),
				new BuiltInPiiDetector(PiiTypes.builtIn(), List.of("US", "GB", "FR", "DE", "IT"), true));
		compare(texts, new BuiltInPiiDetectorBefore(PiiTypes.builtIn(), List.of(), false),
				new BuiltInPiiDetector(PiiTypes.builtIn(), List.of(), false));
		assertThat(texts).hasSizeGreaterThan(50000);
	}

	private static void compare(List<String> texts, PiiDetector before, PiiDetector after) {
		PiiScanner beforeScanner = new PiiScanner(List.of(before));
		PiiScanner afterScanner = new PiiScanner(List.of(after));
		for (String text : texts) {
			List<PiiEntity> expected = new ArrayList<>();
			before.detect(text, expected);
			List<PiiEntity> actual = new ArrayList<>();
			after.detect(text, actual);
			assertThat(actual).as("findings in '%s'", text).isEqualTo(expected);
			assertThat(afterScanner.redact(text)).as("redaction of '%s'", text).isEqualTo(beforeScanner.redact(text));
		}
	}

	/** Text made of the characters and fragments where the scan starts, stops or decides something. */
	private static Arbitrary<String> randomTexts() {
		List<String> fragments = Stream.of("0", "1", "2", "4", "5", "7", "9", "00", "44", "212", "555", "4111", "1111",
				"736", "5000", "219", "09", "9999", "192", "168", "10", "42", " ", "  ", "\n", "\t", ".", "..", ",", ";",
				":", "::", "-", "--", "_", "__", "(", ")", "+", "+1", "+44", "@", "'", "\"", "*", "~", "=", "/", "#", "a",
				"b", "e", "g", "r", "s", "x", "A", "B", "Z", "jane", "example", ".com", ".org", ".co.uk", "db8", "fe80",
				"2001", "ffff", "DE89", "GB82", "WEST", "3704", "0044", "0532", "0130", "sk-", "sk_", "rk_", "proj",
				"AKIA", "ASIA", "AIza", "ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "eyJ", "eyJhbGciOiJIUzI1NiJ9",
				"Bearer ", "bearer ", "ISBN ", "ISBN-10: ", "Q7d9XkLm2Np4Rs6Tv8Wx0Yz1Ab3Cd5Ef7Gh", "IOSFODNN7EXAMPLE",
				"\u00e9", "\u00df", "\u4e2d", "\u0661")
			.toList();
		return Arbitraries.of(fragments).list().ofMinSize(1).ofMaxSize(40).map((parts) -> String.join("", parts));
	}

}
