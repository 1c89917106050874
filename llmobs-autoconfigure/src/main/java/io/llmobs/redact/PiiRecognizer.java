package io.llmobs.redact;

import java.util.List;

/**
 * One built-in PII type, as the single pass of {@link BuiltInPiiDetector} meets it. The
 * pass finds candidates with cheap character tests and hands each one to the recognizers
 * of the types that may be there; a recognizer decides with its own validation and adds
 * what it finds. Candidates come in three kinds, and a recognizer takes one or more of
 * them: {@link AroundCharacter a character inside a value}, {@link AtWordStart a word}
 * and {@link InNumber a run of digits}. Recognizers keep no state between calls and are
 * safe to share between threads.
 */
interface PiiRecognizer {

	/**
	 * The type of the entities it finds.
	 * @return a type of {@link PiiTypes#builtIn()}
	 */
	String type();

	/**
	 * A type found around a character that may be anywhere inside it ({@code @} in an
	 * e-mail address): the value extends from that character both ways.
	 */
	interface AroundCharacter extends PiiRecognizer {

		/**
		 * The character it reacts to, wherever it is.
		 * @return an ASCII character that is no word character
		 */
		char trigger();

		/**
		 * Adds the entity around the character, if there is one.
		 * @param text the text
		 * @param index where the trigger character is
		 * @param found where the entity goes
		 * @return where the pass goes on (past the entity), or {@code -1} when there is
		 * none
		 */
		int findAround(String text, int index, List<PiiEntity> found);

	}

	/**
	 * A type found at the start of a word, by how the word starts (an IBAN's country
	 * code, a key's prefix).
	 */
	interface AtWordStart extends PiiRecognizer {

		/**
		 * Whether a word that starts with the character may be of this type; the pass
		 * skips other words whole.
		 * @param c an ASCII word character
		 * @return whether to look at words that start with it
		 */
		boolean mayStartWith(char c);

		/**
		 * Adds the entity that starts at the index, if there is one.
		 * @param text the text
		 * @param start where the word starts
		 * @param found where the entity goes
		 * @return where the pass goes on (past the entity), or {@code -1} when there is
		 * none
		 */
		int findAtWordStart(String text, int start, List<PiiEntity> found);

	}

	/**
	 * A type found in a run of digits and short separators that stands alone (the pass
	 * has checked the boundaries).
	 */
	interface InNumber extends PiiRecognizer {

		/**
		 * The fewest digits a run needs to hold an entity of this type.
		 * @return a number of digits
		 */
		int minDigits();

		/**
		 * Adds the entities in the run.
		 * @param text the text
		 * @param start where the run's number starts, see
		 * {@link ScanCharacters#numberStart}
		 * @param end where the run ends (after its last digit)
		 * @param found where the entities go
		 * @return whether any was found: the run is then no candidate of the types after
		 * this one
		 */
		boolean findInNumber(String text, int start, int end, List<PiiEntity> found);

	}

}
