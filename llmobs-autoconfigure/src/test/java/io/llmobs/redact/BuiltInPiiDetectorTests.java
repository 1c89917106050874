package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The single pass: which candidates it hands to which recognizers, in which order; what
 * each recognizer accepts is in its own tests.
 */
class BuiltInPiiDetectorTests {

	private final BuiltInPiiDetector detector = new BuiltInPiiDetector(List.of("US"));

	@Test
	void aRunOfDigitsGoesToTheFirstTypeThatFindsSomethingInIt() {
		assertThat(detect("SSN 219-09-9999")).containsExactly("ssn=219-09-9999");
		assertThat(detect("from 192.168.10.42")).containsExactly("ip_address=192.168.10.42");
		assertThat(detect("card 4111 1111 1111 1111 or (212) 736-5000"))
			.containsExactly("credit_card=4111 1111 1111 1111", "phone=(212) 736-5000");
	}

	@Test
	void numbersGluedToLettersOrContinuingAnIdentifierAreSkipped() {
		assertThat(detect("track 1Z999AA10123456784 or 2127365000x")).isEmpty();
		assertThat(detect("order ORD-2127365000 and a_2127365000")).isEmpty();
		assertThat(detect("__2127365000__")).containsExactly("phone=2127365000");
	}

	@Test
	void wordsAreCandidatesAtTheirStartOnly() {
		assertThat(detect("xsk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y and XDE89370400440532013000")).isEmpty();
		assertThat(detect("key sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y, IBAN DE89370400440532013000"))
			.containsExactly("secret=sk-proj-Q7d9XkLm2Np4Rs6Tv8Wx0Y", "iban=DE89370400440532013000");
	}

	@Test
	void charactersInsideAValueAreCandidatesWhereverTheyAre() {
		assertThat(detect("jane@example.com or 2001:db8::7334")).containsExactly("email=jane@example.com",
				"ip_address=2001:db8::7334");
	}

	@Test
	void onlyTheEnabledTypesAreFound() {
		String text = "jane@example.com 2001:db8::7334 10.0.0.1 219-09-9999 4111 1111 1111 1111 (212) 736-5000 "
				+ "DE89370400440532013000 AKIAIOSFODNN7EXAMPLE";
		for (String type : PiiTypes.builtIn()) {
			List<PiiEntity> found = new ArrayList<>();
			new BuiltInPiiDetector(List.of(type), List.of("US")).detect(text, found);
			assertThat(found).as(type).isNotEmpty().allSatisfy((entity) -> assertThat(entity.type()).isEqualTo(type));
		}
		List<PiiEntity> none = new ArrayList<>();
		new BuiltInPiiDetector(List.of(), List.of("US")).detect(text, none);
		assertThat(none).isEmpty();
	}

	@Test
	void phoneRegionsAreCheckedEvenWithoutPhoneNumbers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BuiltInPiiDetector(List.of(PiiTypes.EMAIL), List.of("XX")))
			.withMessage("Unknown phone region 'XX'");
		assertThat(BuiltInPiiDetector.isPhoneRegion("gb")).isTrue();
	}

	private List<String> detect(String text) {
		List<PiiEntity> found = new ArrayList<>();
		this.detector.detect(text, found);
		return found.stream()
			.map((entity) -> entity.type() + "=" + text.substring(entity.start(), entity.end()))
			.toList();
	}

}
