package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneRecognizerTests {

	private final PhoneRecognizer us = new PhoneRecognizer(List.of("US"), false);

	@Test
	void nationalNumbersValidInAConfiguredRegionAreFound() {
		assertThat(inRun(this.us, "call (212) 736-5000 now", "(212) 736-5000")).containsExactly("(212) 736-5000");
		assertThat(inRun(this.us, "212-736-5000")).containsExactly("212-736-5000");
		assertThat(inRun(this.us, "212.736.5000")).containsExactly("212.736.5000");
		assertThat(inRun(this.us, "2127365000")).containsExactly("2127365000");
		assertThat(inRun(this.us, "1-212-736-5000")).containsExactly("1-212-736-5000");
		PhoneRecognizer gb = new PhoneRecognizer(List.of("us", " GB "), false);
		assertThat(inRun(gb, "020 7946 0958")).containsExactly("020 7946 0958");
		assertThat(inRun(this.us, "020 7946 0958")).isEmpty();
		assertThat(this.us.minDigits()).isEqualTo(7);
	}

	@Test
	void nationalNumbersMustBeWrittenAsPhoneNumbersAre() {
		PhoneRecognizer fr = new PhoneRecognizer(List.of("FR"), false);
		assertThat(inRun(fr, "01 23 45 67 89")).containsExactly("01 23 45 67 89");
		assertThat(inRun(this.us, "2024-11-25 14")).isEmpty();
		assertThat(inRun(this.us, "212-736-50-00")).isEmpty();
		assertThat(inRun(this.us, "ISBN 2125554755", "2125554755")).isEmpty();
		assertThat(inRun(this.us, "ISBN-10: 2125554755", "2125554755")).isEmpty();
		assertThat(inRun(this.us, "736-5000")).isEmpty();
	}

	@Test
	void numbersWithACountryCodeNeedAPossibleLengthOrWhenStrictAnAssignedRange() {
		assertThat(inRun(this.us, "+44 20 7946 0958")).containsExactly("+44 20 7946 0958");
		assertThat(inRun(this.us, "+4915123456789")).containsExactly("+4915123456789");
		assertThat(inRun(this.us, "+44 (0)20 7946 0958")).containsExactly("+44 (0)20 7946 0958");
		assertThat(inRun(this.us, "+1 555 010 4758")).containsExactly("+1 555 010 4758");
		PhoneRecognizer strict = new PhoneRecognizer(List.of("US"), true);
		assertThat(inRun(strict, "+1 555 010 4758")).isEmpty();
		assertThat(inRun(strict, "+44 121 234 5678")).containsExactly("+44 121 234 5678");
		assertThat(inRun(this.us, "+44 20 79")).isEmpty();
		assertThat(inRun(this.us, "+999 1234 5678")).isEmpty();
	}

	@Test
	void numbersAfter00MustBeValid() {
		assertThat(inRun(this.us, "0044 20 7946 0958")).containsExactly("0044 20 7946 0958");
		assertThat(inRun(this.us, "001 555 010 4758")).isEmpty();
	}

	@Test
	void windowsOfTheRunFindANumberAfterAListNumberAndTwoInARow() {
		assertThat(inRun(this.us, "7 (212) 736-5000")).containsExactly("(212) 736-5000");
		assertThat(inRun(this.us, "212-736-5000 212-736-5001")).containsExactly("212-736-5000", "212-736-5001");
	}

	@Test
	void regionsLibphonenumberDoesNotKnowAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneRecognizer(List.of("US", "XX"), false))
			.withMessage("Unknown phone region 'XX'");
		assertThat(PhoneRecognizer.isRegion(" gb ")).isTrue();
		assertThat(PhoneRecognizer.isRegion("XX")).isFalse();
	}

	private static List<String> inRun(PhoneRecognizer recognizer, String run) {
		return inRun(recognizer, run, run);
	}

	private static List<String> inRun(PhoneRecognizer recognizer, String text, String run) {
		List<PiiEntity> found = new ArrayList<>();
		int start = text.indexOf(run);
		boolean any = recognizer.findInNumber(text, start, start + run.length(), found);
		assertThat(any).isEqualTo(!found.isEmpty());
		assertThat(found).allSatisfy((entity) -> assertThat(entity.type()).isEqualTo(PiiTypes.PHONE));
		return found.stream().map((entity) -> text.substring(entity.start(), entity.end())).toList();
	}

}
