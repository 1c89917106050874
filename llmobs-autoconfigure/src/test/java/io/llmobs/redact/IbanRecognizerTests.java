package io.llmobs.redact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IbanRecognizerTests {

	private final IbanRecognizer recognizer = new IbanRecognizer();

	@Test
	void ibansWithValidCheckDigitsAreFoundCompactOrInGroups() {
		assertThat(atWordStart("DE89370400440532013000")).isEqualTo("DE89370400440532013000");
		assertThat(atWordStart("DE89 3704 0044 0532 0130 00 is mine")).isEqualTo("DE89 3704 0044 0532 0130 00");
		assertThat(atWordStart("GB82 WEST 1234 5698 7654 32.")).isEqualTo("GB82 WEST 1234 5698 7654 32");
		assertThat(atWordStart("FR1420041010050500013M02606_")).isEqualTo("FR1420041010050500013M02606");
	}

	@Test
	void ibansWithAWrongCheckDigitOrFormatAreRejected() {
		assertThat(atWordStart("DE88370400440532013000")).isEmpty();
		assertThat(atWordStart("XX89370400440532013000")).isEmpty();
		assertThat(atWordStart("DE8937040044053201300")).isEmpty();
		assertThat(atWordStart("de89370400440532013000")).isEmpty();
		assertThat(atWordStart("DE89  3704 0044 0532 0130 00")).isEmpty();
		assertThat(atWordStart("DE89370400440532013000X")).isEmpty();
		assertThat(atWordStart("DE8937040044053201300099")).isEmpty();
		assertThat(atWordStart("DEBUG")).isEmpty();
		assertThat(atWordStart("DE8")).isEmpty();
	}

	@Test
	void onlyWordsThatStartInUpperCaseAreCandidates() {
		assertThat(this.recognizer.mayStartWith('D')).isTrue();
		assertThat(this.recognizer.mayStartWith('d')).isFalse();
		assertThat(this.recognizer.mayStartWith('4')).isFalse();
	}

	private String atWordStart(String text) {
		return RecognizedAtWordStart.of(this.recognizer, text);
	}

}
