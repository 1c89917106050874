package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailRecognizerTests {

	private final EmailRecognizer recognizer = new EmailRecognizer();

	@Test
	void addressesOfDotAtomsAtDelegatedDomainsAreFound() {
		assertThat(find("mail first.last+tag@sub.example.co.uk now"))
			.containsExactly("first.last+tag@sub.example.co.uk");
		assertThat(find("JANE.DOE@EXAMPLE.COM")).containsExactly("JANE.DOE@EXAMPLE.COM");
		assertThat(find("text 2127365000@vtext.com")).containsExactly("2127365000@vtext.com");
		assertThat(find("mailto:o'brien_1%x@mail-server.example.org"))
			.containsExactly("o'brien_1%x@mail-server.example.org");
	}

	@Test
	void whatSurroundsTheAddressStaysOutside() {
		assertThat(find("<jane@example.com>")).containsExactly("jane@example.com");
		assertThat(find("'bob@example.org'")).containsExactly("bob@example.org");
		assertThat(find("write to jane@example.com.")).containsExactly("jane@example.com");
		assertThat(find("_jane@example.com_")).containsExactly("jane@example.com");
		assertThat(find("__a_b@example.com__")).containsExactly("a_b@example.com");
		assertThat(find("_a@example.com")).containsExactly("_a@example.com");
		assertThat(find(".jane@example.com")).containsExactly("jane@example.com");
	}

	@Test
	void lookAlikesAreRejected() {
		assertThat(find("a..b@example.com")).isEmpty();
		assertThat(find("jane.@example.com")).isEmpty();
		assertThat(find("jane@.example.com")).isEmpty();
		assertThat(find("jane@example..com")).isEmpty();
		assertThat(find("jane@-example.com")).isEmpty();
		assertThat(find("jane@example")).isEmpty();
		assertThat(find("user@host.internal")).isEmpty();
		assertThat(find("jane@example.c0m")).isEmpty();
		assertThat(find("@example.com")).isEmpty();
		assertThat(find("jane@")).isEmpty();
		assertThat(find("@")).isEmpty();
	}

	@Test
	void rfc5321SizesAreTheLimits() {
		String local = "a".repeat(64);
		assertThat(find(local + "@example.com")).containsExactly(local + "@example.com");
		assertThat(find("a" + local + "@example.com")).isEmpty();
		String label = "b".repeat(63);
		assertThat(find("jane@" + label + ".com")).containsExactly("jane@" + label + ".com");
		assertThat(find("jane@b" + label + ".com")).isEmpty();
	}

	@Test
	void thePassGoesOnAfterTheAddressOrRightAfterTheTriggerWhenThereIsNone() {
		String text = "to jane@example.com, cc";
		assertThat(this.recognizer.findAround(text, text.indexOf('@'), new ArrayList<>())).isEqualTo(text.indexOf(','));
		assertThat(this.recognizer.findAround("a@b", 1, new ArrayList<>())).isEqualTo(-1);
		assertThat(this.recognizer.trigger()).isEqualTo('@');
		assertThat(this.recognizer.type()).isEqualTo(PiiTypes.EMAIL);
	}

	private List<String> find(String text) {
		List<PiiEntity> found = new ArrayList<>();
		for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
			this.recognizer.findAround(text, at, found);
		}
		assertThat(found).allSatisfy((entity) -> assertThat(entity.type()).isEqualTo(PiiTypes.EMAIL));
		return found.stream().map((entity) -> text.substring(entity.start(), entity.end())).toList();
	}

}
