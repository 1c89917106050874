package io.llmobs.redact;

/**
 * What the single pass of {@link BuiltInPiiDetector} and every {@link PiiRecognizer} know
 * about characters: which are word characters, where a token may start or end
 * (underscores that open or close a word are markdown emphasis, not part of the value),
 * and where the number of a digit run starts. In one place so that all types draw the
 * edges of a value the same way.
 */
final class ScanCharacters {

	private static final int LETTER = 1;

	private static final int WORD = 1 << 1;

	/**
	 * The classes of each ASCII character, looked up once instead of a chain of
	 * comparisons per test.
	 */
	private static final int[] CLASSES = classes();

	private ScanCharacters() {
	}

	static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isUpper(char c) {
		return c >= 'A' && c <= 'Z';
	}

	static boolean isAsciiLetter(char c) {
		return c < 128 && (CLASSES[c] & LETTER) != 0;
	}

	/**
	 * Letters, digits and underscores; beyond ASCII, letters and digits of any script.
	 */
	static boolean isWordChar(char c) {
		return (c < 128) ? (CLASSES[c] & WORD) != 0 : Character.isLetterOrDigit(c);
	}

	/** The end of the word characters from the index on. */
	static int endOfWord(String text, int from) {
		int length = text.length();
		int k = from;
		while (k < length) {
			char c = text.charAt(k);
			if (c < 128) {
				if ((CLASSES[c] & WORD) == 0) {
					break;
				}
			}
			else if (!Character.isLetterOrDigit(c)) {
				break;
			}
			k++;
		}
		return k;
	}

	/**
	 * Whether a token may start at the index: no word character before it, or only
	 * underscores that open a word ({@code _value_}, {@code __value__} in markdown).
	 */
	static boolean isBoundaryBefore(String text, int index) {
		int k = index - underscoresBefore(text, index);
		return k == 0 || !isWordChar(text.charAt(k - 1));
	}

	/**
	 * Whether a token may end at the index: no word character after it, or only
	 * underscores that close a word.
	 */
	static boolean isBoundaryAfter(String text, int index) {
		int k = index + underscoresAfter(text, index);
		return k == text.length() || !isWordChar(text.charAt(k));
	}

	/** The number of underscores right before the index. */
	static int underscoresBefore(String text, int index) {
		int k = index;
		while (k > 0 && text.charAt(k - 1) == '_') {
			k--;
		}
		return index - k;
	}

	/** The number of underscores from the index on. */
	static int underscoresAfter(String text, int index) {
		int k = index;
		while (k < text.length() && text.charAt(k) == '_') {
			k++;
		}
		return k - index;
	}

	/**
	 * Where the number of a run starts: at its plus sign, at the parenthesis of an area
	 * code closed within the run ({@code (212) 555-4758}), else at its first digit;
	 * brackets around the number stay outside.
	 */
	static int numberStart(String text, int start, int end) {
		int first = start;
		while (!isDigit(text.charAt(first))) {
			first++;
		}
		if (first > start) {
			char before = text.charAt(first - 1);
			if (before == '+' || (before == '(' && closes(text, first, end))) {
				return first - 1;
			}
		}
		return first;
	}

	private static boolean closes(String text, int start, int end) {
		for (int k = start; k < end; k++) {
			if (text.charAt(k) == ')') {
				return true;
			}
		}
		return false;
	}

	/** The digits between the indexes, without the separators. */
	static String digitsOf(String text, int start, int end) {
		StringBuilder digits = new StringBuilder(end - start);
		for (int k = start; k < end; k++) {
			char ch = text.charAt(k);
			if (isDigit(ch)) {
				digits.append(ch);
			}
		}
		return digits.toString();
	}

	/**
	 * The number of digits right before the index: the last group of a number that ends
	 * there.
	 */
	static int digitsBefore(String text, int end) {
		int k = end;
		while (k > 0 && isDigit(text.charAt(k - 1))) {
			k--;
		}
		return end - k;
	}

	/**
	 * A table of the ASCII characters for which a test holds, for recognizers that test
	 * the same class of characters many times per candidate.
	 * @param test the class
	 * @return whether each ASCII character is in the class
	 */
	static boolean[] asciiTable(CharTest test) {
		boolean[] table = new boolean[128];
		for (char c = 0; c < 128; c++) {
			table[c] = test.test(c);
		}
		return table;
	}

	/**
	 * Whether a character is in a class built by {@link #asciiTable}: never beyond ASCII.
	 * @param table the class
	 * @param c the character
	 * @return whether it is an ASCII character of the class
	 */
	static boolean isIn(boolean[] table, char c) {
		return c < 128 && table[c];
	}

	private static int[] classes() {
		int[] classes = new int[128];
		for (char c = 0; c < 128; c++) {
			boolean digit = c >= '0' && c <= '9';
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			classes[c] = (letter ? LETTER : 0) | ((digit || letter || c == '_') ? WORD : 0);
		}
		return classes;
	}

	/** A test of one character, to build an {@link #asciiTable}. */
	@FunctionalInterface
	interface CharTest {

		boolean test(char c);

	}

}
