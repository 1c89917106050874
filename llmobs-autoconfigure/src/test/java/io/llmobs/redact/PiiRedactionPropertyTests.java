package io.llmobs.redact;

import java.util.List;

import io.llmobs.redact.GeneratedPii.Written;
import io.llmobs.redact.GeneratedPii.WrittenNearMiss;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in type is redacted whatever surrounds it, and only the value is: generated
 * values of each type written in every context (brackets, quotes, markdown, JSON,
 * {@code key=value}, URL query, trailing punctuation, line start and end) amid other text
 * must come out as the text with the value replaced by its placeholder, byte for byte.
 * Generated look-alikes (order numbers, versions, SKUs, ISBNs, timestamps, amounts,
 * tracking ids, git hashes) in the same contexts must come out unchanged. Fixed seeds
 * keep the build deterministic.
 */
class PiiRedactionPropertyTests {

	private static final String SEED = "20261203";

	private static final int TRIES = 400;

	private final PiiScanner scanner = new PiiScanner(List.of(new BuiltInPiiDetector(List.of("US"))));

	@Property(tries = TRIES, seed = SEED)
	void emailAddressesAreRedactedWhateverSurroundsThem(@ForAll("emails") Written written) {
		assertOnlyTheValueIsRedacted(written);
	}

	@Property(tries = TRIES, seed = SEED)
	void phoneNumbersAreRedactedWhateverSurroundsThem(@ForAll("phones") Written written) {
		assertOnlyTheValueIsRedacted(written);
	}

	@Property(tries = TRIES, seed = SEED)
	void cardNumbersAreRedactedWhateverSurroundsThem(@ForAll("cards") Written written) {
		assertOnlyTheValueIsRedacted(written);
	}

	@Property(tries = TRIES, seed = SEED)
	void ibansAreRedactedWhateverSurroundsThem(@ForAll("ibans") Written written) {
		assertOnlyTheValueIsRedacted(written);
	}

	@Property(tries = TRIES, seed = SEED)
	void socialSecurityNumbersAreRedactedWhateverSurroundsThem(@ForAll("ssns") Written written) {
		assertOnlyTheValueIsRedacted(written);
	}

	@Property(tries = TRIES, seed = SEED)
	void ipAddressesAreRedactedWhateverSurroundsThem(@ForAll("ipAddresses") Written written) {
		assertOnlyTheValueIsRedacted(written);
	}

	@Property(tries = TRIES, seed = SEED)
	void secretsAreRedactedWhateverSurroundsThem(@ForAll("secrets") Written written) {
		assertOnlyTheValueIsRedacted(written);
	}

	@Property(tries = 2 * TRIES, seed = SEED)
	void lookAlikesAreLeftAlone(@ForAll("nearMisses") WrittenNearMiss written) {
		String text = written.text();
		assertThat(this.scanner.redact(text).text()).as("redaction of %s", written).isEqualTo(text);
	}

	private void assertOnlyTheValueIsRedacted(Written written) {
		Redaction redaction = this.scanner.redact(written.text());
		assertThat(redaction.text()).as("redaction of %s", written).isEqualTo(written.redacted());
		assertThat(redaction.entities()).as("entities of %s", written).containsExactly(written.entity());
	}

	@Provide
	Arbitrary<Written> emails() {
		return GeneratedPii.written(GeneratedPii.emails());
	}

	@Provide
	Arbitrary<Written> phones() {
		return GeneratedPii.written(GeneratedPii.phones());
	}

	@Provide
	Arbitrary<Written> cards() {
		return GeneratedPii.written(GeneratedPii.cards());
	}

	@Provide
	Arbitrary<Written> ibans() {
		return GeneratedPii.written(GeneratedPii.ibans());
	}

	@Provide
	Arbitrary<Written> ssns() {
		return GeneratedPii.written(GeneratedPii.ssns());
	}

	@Provide
	Arbitrary<Written> ipAddresses() {
		return GeneratedPii.written(GeneratedPii.ipAddresses());
	}

	@Provide
	Arbitrary<Written> secrets() {
		return GeneratedPii.written(GeneratedPii.secrets());
	}

	@Provide
	Arbitrary<WrittenNearMiss> nearMisses() {
		return GeneratedPii.writtenNearMiss(Arbitraries.oneOf(GeneratedPii.nearMisses().values()));
	}

}
