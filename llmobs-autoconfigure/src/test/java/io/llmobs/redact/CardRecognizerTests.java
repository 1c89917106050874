package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardRecognizerTests {

	private final CardRecognizer recognizer = new CardRecognizer();

	@Test
	void numbersOfTheNetworksArePlainOrGroupedAsCardsAre() {
		assertThat(inRun("4111111111111111")).containsExactly("4111111111111111");
		assertThat(inRun("4111 1111 1111 1111")).containsExactly("4111 1111 1111 1111");
		assertThat(inRun("5555-5555-5555-4444")).containsExactly("5555-5555-5555-4444");
		assertThat(inRun("3782 822463 10005")).containsExactly("3782 822463 10005");
		assertThat(inRun("3056 930902 5904")).containsExactly("3056 930902 5904");
		assertThat(inRun("4222222222222")).containsExactly("4222222222222");
		assertThat(this.recognizer.minDigits()).isEqualTo(13);
	}

	@Test
	void whatFollowsTheCardInTheRunStaysOutside() {
		assertThat(inRun("4111 1111 1111 1111 123")).containsExactly("4111 1111 1111 1111");
		assertThat(inRun("4111 1111 1111 1111 12 27")).containsExactly("4111 1111 1111 1111");
		assertThat(inRun("12 4111 1111 1111 1111")).containsExactly("4111 1111 1111 1111");
		assertThat(inRun("7 (4111 1111 1111 1111")).containsExactly("4111 1111 1111 1111");
	}

	@Test
	void numbersThatFailLuhnOrANetworkAreRejected() {
		assertThat(inRun("4111 1111 1111 1112")).isEmpty();
		assertThat(inRun("9111111111111110")).isEmpty();
		assertThat(inRun("411111111111")).isEmpty();
		assertThat(inRun("41111111111111111111")).isEmpty();
	}

	@Test
	void numbersGroupedAsNoCardIsAreRejected() {
		assertThat(inRun("4111-111111-111111")).isEmpty();
		assertThat(inRun("41 1111 1111 1111 11")).isEmpty();
		assertThat(inRun("4111.1111.1111.1111")).isEmpty();
	}

	private List<String> inRun(String text) {
		List<PiiEntity> found = new ArrayList<>();
		boolean any = this.recognizer.findInNumber(text, 0, text.length(), found);
		assertThat(any).isEqualTo(!found.isEmpty());
		assertThat(found).allSatisfy((entity) -> assertThat(entity.type()).isEqualTo(PiiTypes.CREDIT_CARD));
		return found.stream().map((entity) -> text.substring(entity.start(), entity.end())).toList();
	}

}
