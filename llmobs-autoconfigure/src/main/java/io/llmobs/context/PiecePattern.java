package io.llmobs.context;

/**
 * How an encoding splits a text into pieces before merging bytes: tiktoken's patterns,
 * written out as scanners that give the same pieces as the regular expressions (Java's,
 * with {@code UNICODE_CHARACTER_CLASS}; a property test holds them equal on generated
 * text).
 *
 * <p>
 * Not {@code java.util.regex}: its matching code is shared by the whole JVM, and these
 * patterns' Unicode classes made its call sites megamorphic for everyone else. Spring AI
 * splits every advisor's name with a regular expression when its observation stops; with
 * the tokenizer's patterns running in the same JVM that took about 1.6 µs more per
 * {@code ChatClient} call, llmobs or not. Every code point starts a piece of each
 * pattern, so a scan never skips text.
 */
enum PiecePattern {

	/**
	 * {@code o200k_base}:
	 * {@code [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?}
	 * | the same with {@code +} and {@code *} swapped | {@code \p{N}{1,3}} | {@code [
	 * ]?[^\s\p{L}\p{N}]+[\r\n/]*} | {@code \s*[\r\n]+} | {@code \s+(?!\S)} | {@code \s+}.
	 */
	O200K {

		@Override
		int end(String text, int start) {
			int end = withPrefix(text, start, true);
			if (end < 0) {
				end = withPrefix(text, start, false);
			}
			return (end >= 0) ? contraction(text, end, true) : afterLetters(text, start, "\r\n/");
		}

		/**
		 * The first or second alternative, without its contraction: an optional prefix,
		 * then upper-case-like letters and lower-case-like ones, the lower ones required
		 * ({@code lowerRequired}) or the upper ones.
		 */
		private int withPrefix(String text, int start, boolean lowerRequired) {
			if (start < text.length() && isPrefix(text.codePointAt(start))) {
				int end = letters(text, next(text, start), lowerRequired);
				if (end >= 0) {
					return end;
				}
			}
			return letters(text, start, lowerRequired);
		}

		private int letters(String text, int start, boolean lowerRequired) {
			int upper = start;
			while (upper < text.length() && isUpperLike(text.codePointAt(upper))) {
				upper = next(text, upper);
			}
			if (!lowerRequired) {
				return (upper > start) ? run(text, upper, PiecePattern::isLowerLike) : -1;
			}
			// Upper* is greedy: give back its code points until a lower one can start.
			for (int from = upper;; from = text.offsetByCodePoints(from, -1)) {
				if (from < text.length() && isLowerLike(text.codePointAt(from))) {
					return run(text, from, PiecePattern::isLowerLike);
				}
				if (from == start) {
					return -1;
				}
			}
		}

	},

	/**
	 * {@code cl100k_base}: {@code '(?i:[sdmt]|ll|ve|re)} |
	 * {@code [^\r\n\p{L}\p{N}]?+\p{L}+} | {@code \p{N}{1,3}} | {@code [
	 * ]?[^\s\p{L}\p{N}]++[\r\n]*} | {@code \s*[\r\n]} | {@code \s+(?!\S)} | {@code \s+}.
	 */
	CL100K {

		@Override
		int end(String text, int start) {
			int end = contraction(text, start, true);
			if (end > start) {
				return end;
			}
			end = letters(text, start);
			return (end >= 0) ? end : afterLetters(text, start, "\r\n");
		}

		/** The possessive prefix is never given back: letters must follow it. */
		private int letters(String text, int start) {
			int from = (start < text.length() && isPrefix(text.codePointAt(start))) ? next(text, start) : start;
			return (from < text.length() && Character.isLetter(text.codePointAt(from)))
					? run(text, from, Character::isLetter) : -1;
		}

	},

	/**
	 * {@code r50k_base} and {@code p50k_base} (GPT-2): {@code '(?:[sdmt]|ll|ve|re)} |
	 * {@code [ ]?\p{L}+} | {@code [ ]?\p{N}+} | {@code [ ]?[^\s\p{L}\p{N}]+} |
	 * {@code \s+(?!\S)} | {@code \s+}.
	 */
	X50K {

		@Override
		int end(String text, int start) {
			int end = contraction(text, start, false);
			if (end > start) {
				return end;
			}
			end = spaceThen(text, start, Character::isLetter);
			if (end < 0) {
				end = spaceThen(text, start, PiecePattern::isNumber);
			}
			if (end < 0) {
				end = spaceThen(text, start, PiecePattern::isOther);
			}
			return (end >= 0) ? end : spaces(text, start);
		}

		private int spaceThen(String text, int start, CodePointClass type) {
			int from = start;
			if (text.charAt(from) == ' ' && from + 1 < text.length() && type.has(text.codePointAt(from + 1))) {
				from++;
			}
			return type.has(text.codePointAt(from)) ? run(text, from, type) : -1;
		}

	};

	/** The contractions after an apostrophe, in the order the patterns try them. */
	private static final String[] CONTRACTIONS = { "s", "t", "re", "ve", "m", "ll", "d" };

	/**
	 * Where the piece that starts at a position ends.
	 * @param text the text
	 * @param start a position in the text where no earlier piece ended inside a code
	 * point
	 * @return the end of the piece, after {@code start}
	 */
	abstract int end(String text, int start);

	/** A set of code points, as one of the patterns' classes. */
	@FunctionalInterface
	private interface CodePointClass {

		boolean has(int codePoint);

	}

	/**
	 * After an apostrophe at {@code at}: the end of the contraction that follows it
	 * ({@code 's}, {@code 'll}, ...), else {@code at}.
	 */
	private static int contraction(String text, int at, boolean caseInsensitive) {
		if (at >= text.length() || text.charAt(at) != '\'') {
			return at;
		}
		for (String contraction : CONTRACTIONS) {
			if (matches(text, at + 1, contraction, caseInsensitive)) {
				return at + 1 + contraction.length();
			}
		}
		return at;
	}

	private static boolean matches(String text, int at, String lowerCase, boolean caseInsensitive) {
		if (at + lowerCase.length() > text.length()) {
			return false;
		}
		for (int i = 0; i < lowerCase.length(); i++) {
			char c = text.charAt(at + i);
			char expected = lowerCase.charAt(i);
			// Unicode case folding, as UNICODE_CHARACTER_CLASS implies: the long s folds
			// to s.
			if (c != expected && !(caseInsensitive && Character.toLowerCase(Character.toUpperCase(c)) == expected)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The alternatives of o200k_base and cl100k_base after their letters':
	 * {@code \p{N}{1,3}}, other code points followed by any of {@code trailing}, white
	 * space through its last line break, white space.
	 */
	private static int afterLetters(String text, int start, String trailing) {
		int end = numbers(text, start, 3);
		if (end < 0) {
			end = others(text, start, trailing);
		}
		if (end < 0) {
			end = throughLastNewline(text, start);
		}
		return (end >= 0) ? end : spaces(text, start);
	}

	/** {@code \p{N}{1,max}}. */
	private static int numbers(String text, int start, int max) {
		int end = start;
		for (int n = 0; n < max && end < text.length() && isNumber(text.codePointAt(end)); n++) {
			end = next(text, end);
		}
		return (end > start) ? end : -1;
	}

	/**
	 * {@code [ ]?[^\s\p{L}\p{N}]+} followed by any of {@code trailing}: the space only
	 * when such a code point follows it.
	 */
	private static int others(String text, int start, String trailing) {
		int from = start;
		if (text.charAt(from) == ' ' && from + 1 < text.length() && isOther(text.codePointAt(from + 1))) {
			from++;
		}
		if (!isOther(text.codePointAt(from))) {
			return -1;
		}
		int end = run(text, from, PiecePattern::isOther);
		while (end < text.length() && trailing.indexOf(text.charAt(end)) >= 0) {
			end++;
		}
		return end;
	}

	/**
	 * {@code \s*[\r\n]+} and {@code \s*[\r\n]}: white space up to and with its last line
	 * break (the greedy white space gives back all that follows that break).
	 */
	private static int throughLastNewline(String text, int start) {
		int end = -1;
		for (int i = start; i < text.length() && isSpace(text.charAt(i)); i++) {
			if (text.charAt(i) == '\r' || text.charAt(i) == '\n') {
				end = i + 1;
			}
		}
		return end;
	}

	/**
	 * {@code \s+(?!\S)} then {@code \s+}: white space, less its last character when a
	 * non-space follows and it has more than one.
	 */
	private static int spaces(String text, int start) {
		int end = start;
		while (end < text.length() && isSpace(text.charAt(end))) {
			end++;
		}
		return (end < text.length() && end - start > 1) ? end - 1 : end;
	}

	private static int run(String text, int start, CodePointClass type) {
		int end = start;
		while (end < text.length() && type.has(text.codePointAt(end))) {
			end = next(text, end);
		}
		return end;
	}

	private static int next(String text, int at) {
		return at + Character.charCount(text.codePointAt(at));
	}

	/** {@code [^\r\n\p{L}\p{N}]}. */
	private static boolean isPrefix(int codePoint) {
		return codePoint != '\r' && codePoint != '\n' && !Character.isLetter(codePoint) && !isNumber(codePoint);
	}

	/** {@code [^\s\p{L}\p{N}]}. */
	private static boolean isOther(int codePoint) {
		return !isSpace(codePoint) && !Character.isLetter(codePoint) && !isNumber(codePoint);
	}

	/** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}. */
	private static boolean isUpperLike(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.UPPERCASE_LETTER || type == Character.TITLECASE_LETTER
				|| type == Character.MODIFIER_LETTER || type == Character.OTHER_LETTER || isMark(type);
	}

	/** {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}. */
	private static boolean isLowerLike(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.LOWERCASE_LETTER || type == Character.MODIFIER_LETTER || type == Character.OTHER_LETTER
				|| isMark(type);
	}

	private static boolean isMark(int type) {
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	/** {@code \p{N}}. */
	private static boolean isNumber(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	/**
	 * {@code \s} with {@code UNICODE_CHARACTER_CLASS}: the White_Space property, as
	 * Java's regular expressions define it.
	 */
	private static boolean isSpace(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || (codePoint >= 0x9 && codePoint <= 0xd) || codePoint == 0x85;
	}

}
