package io.llmobs.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanners split every generated text into the same pieces as tiktoken's patterns do
 * as Java regular expressions with {@code UNICODE_CHARACTER_CLASS} (what the tokenizer
 * ran before). The texts mix code points of every class the patterns tell apart: letters
 * of each case category, modifier and other letters, combining marks, digits of several
 * scripts and number letters, white space inside and outside ASCII (line breaks, no-break
 * and ideographic spaces, the next-line control), apostrophes before contractions in both
 * cases and the long s that folds to {@code s}, punctuation, symbols, letters outside the
 * Basic Multilingual Plane and emoji. A fixed seed keeps the build deterministic.
 */
class PiecePatternPropertyTests {

	private static final String SEED = "20261203";

	private static final Pattern O200K = Pattern.compile(String.join("|",
			"[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
			"[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
			"\\p{N}{1,3}", " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*", "\\s*[\\r\\n]+", "\\s+(?!\\S)", "\\s+"),
			Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern CL100K = Pattern.compile(
			"'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+"
					+ "|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+",
			Pattern.UNICODE_CHARACTER_CLASS);

	private static final Pattern X50K = Pattern.compile(
			"'(?:[sdmt]|ll|ve|re)| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
			Pattern.UNICODE_CHARACTER_CLASS);

	/** Code points of every class the patterns distinguish, several of some. */
	private static final String[] ALPHABET = { "a", "z", "e", "l", "r", "v", "A", "S", "L", "T", "D", "M", "R", "E",
			"V", "s", "t", "d", "m", "'", "'", "'", "\u017F", "\u212A", "\u0130", "\u0131", " ", " ", " ", "\t", "\r",
			"\n", "\n", "\u000B", "\u000C", "\u0085", "\u00A0", "\u1680", "\u2007", "\u2028", "\u3000", "\u200B",
			"\u001C", "0", "7", "\u0663", "\u2167", "\u00BD", "\u00E4", "\u00C4", "\u03C3", "\u03A3", "\u01C5",
			"\u02B0", "\u4E2D", "\u0627", "\u0301", "\u0903", "\u20DD", ".", ",", "!", "?", "/", "-", "_", "(", "\"",
			"$", "\u20AC", "\u00A9", "\uD835\uDC00", "\uD835\uDC1A", "\uD83D\uDE00", "\uD800", "\uDC00" };

	@Property(tries = 1500, seed = SEED)
	void o200kSplitsAsItsRegularExpression(@ForAll("texts") String text) {
		assertThat(pieces(PiecePattern.O200K, text)).isEqualTo(pieces(O200K, text));
	}

	@Property(tries = 1500, seed = SEED)
	void cl100kSplitsAsItsRegularExpression(@ForAll("texts") String text) {
		assertThat(pieces(PiecePattern.CL100K, text)).isEqualTo(pieces(CL100K, text));
	}

	@Property(tries = 1500, seed = SEED)
	void x50kSplitsAsItsRegularExpression(@ForAll("texts") String text) {
		assertThat(pieces(PiecePattern.X50K, text)).isEqualTo(pieces(X50K, text));
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.of(ALPHABET).list().ofMinSize(1).ofMaxSize(40).map((parts) -> String.join("", parts));
	}

	private static List<String> pieces(PiecePattern pattern, String text) {
		List<String> pieces = new ArrayList<>();
		for (int start = 0; start < text.length();) {
			int end = pattern.end(text, start);
			assertThat(end).as("end of the piece at %d of %s", start, text).isGreaterThan(start);
			pieces.add(text.substring(start, end));
			start = end;
		}
		return pieces;
	}

	private static List<String> pieces(Pattern pattern, String text) {
		List<String> pieces = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		int covered = 0;
		while (matcher.find()) {
			assertThat(matcher.start()).as("the regular expression skipped text in %s", text).isEqualTo(covered);
			pieces.add(matcher.group());
			covered = matcher.end();
		}
		assertThat(covered).isEqualTo(text.length());
		return pieces;
	}

}
