package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a word-start recognizer finds at the start of a text, for its tests.
 */
final class RecognizedAtWordStart {

	private RecognizedAtWordStart() {
	}

	/**
	 * Runs the recognizer at the start of the text and checks that it reports what it
	 * returns, under its type.
	 * @param recognizer the recognizer
	 * @param text the text
	 * @return the value it found, or an empty string when it found none
	 */
	static String of(PiiRecognizer.AtWordStart recognizer, String text) {
		List<PiiEntity> found = new ArrayList<>();
		int end = recognizer.findAtWordStart(text, 0, found);
		if (end < 0) {
			assertThat(found).isEmpty();
			return "";
		}
		assertThat(found).containsExactly(new PiiEntity(recognizer.type(), 0, end));
		return text.substring(0, end);
	}

}
