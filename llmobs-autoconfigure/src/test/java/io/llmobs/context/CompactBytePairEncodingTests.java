package io.llmobs.context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compact encodings count exactly what jtokkit counts, on texts generated to cover
 * what each pattern splits differently: words in every case with contractions, numbers,
 * punctuation runs, every kind of white space and line break, letters and marks of other
 * scripts, emoji, code and JSON, and pieces long enough to be merged through the heap.
 */
class CompactBytePairEncodingTests {

	private static final String[] WORDS = { "the", "shipping", "Berlin", "HANOI", "parcel", "don't", "WE'LL", "it's",
			"I'M", "they're", "you've", "he'd", "McDonald", "iPhone", "naïve", "café", "Straße", "Ærøskøbing", "über",
			"ÉCOLE", "electroencephalography", "pneumonoultramicroscopicsilicovolcanoconiosis" };

	private static final String[] SCRIPTS = { "東京都", "配送料はいくらですか", "доставка", "Привет", "مرحبا بالعالم", "नमस्ते",
			"हिन्दी", "ภาษาไทย", "한국어", "Ελληνικά", "עברית", "tiếng Việt", "e\u0301", "a\u0308\u0323" };

	private static final String[] SYMBOLS = { ".", ",", "!", "?", "...", "—", "–", "(", ")", "[", "]", "{", "}", "<",
			">", "\"", "'", "`", "*", "**", "_", "#", "##", "$", "€", "%", "&", "@", "/", "\\", "|", "~", "^", "=",
			"==", "=>", "->", "::", ";", ":", "+", "-", "--", "'s", "''", "\u00AD" };

	private static final String[] SPACES = { " ", "  ", "   ", "\t", "\n", "\r\n", "\n\n", " \n", "\t\n ", "\u00A0",
			"\u2003", "\u3000", "\r", "\u2028", " \r\n\r\n  " };

	private static final String[] EMOJI = { "😀", "🚚", "👍🏽", "👨‍👩‍👧", "🇩🇪", "✅", "❤️" };

	private static final String[] CODE = { "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}",
			"public static void main(String[] args) {", "if (x != null && x.size() > 0) { return x.get(0); }",
			"SELECT * FROM orders WHERE id = 42;", "https://example.com/track?id=AB12345&lang=en",
			"<div class=\"a\">x</div>", "def f(x):\n    return x ** 2\n", "0x7fffffff", "1,234,567.89", "3.14159",
			"2026-12-03T06:34:14Z", "user@example.com", "dGhpcyBpcyBiYXNlNjQ=" };

	@ParameterizedTest
	@EnumSource(value = EncodingType.class, names = { "O200K_BASE", "CL100K_BASE", "R50K_BASE", "P50K_BASE" })
	void countsWhatJtokkitCounts(EncodingType type) {
		CompactBytePairEncoding compact = CompactBytePairEncoding.load(type);
		Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(type);
		Random random = new Random(20261203L + type.ordinal());
		List<String> mismatches = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			String text = text(random);
			int expected = jtokkit.countTokensOrdinary(text);
			int actual = compact.count(text);
			if (actual != expected && mismatches.size() < 10) {
				mismatches.add(expected + " != " + actual + ": " + escape(text));
			}
		}
		assertThat(mismatches).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = EncodingType.class, names = { "O200K_BASE", "CL100K_BASE" })
	void countsLongPiecesAsJtokkitDoes(EncodingType type) {
		CompactBytePairEncoding compact = CompactBytePairEncoding.load(type);
		Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(type);
		Random random = new Random(7L);
		for (int i = 0; i < 200; i++) {
			String text = switch (i % 5) {
				case 0 -> randomLetters(random, 65 + random.nextInt(2_000));
				case 1 -> "-".repeat(65 + random.nextInt(5_000));
				case 2 -> " ".repeat(65 + random.nextInt(500)) + "x";
				case 3 -> randomFrom(random, SYMBOLS, 40 + random.nextInt(400), "");
				default -> randomFrom(random, SCRIPTS, 20 + random.nextInt(100), "");
			};
			assertThat(compact.count(text)).as(escape(text)).isEqualTo(jtokkit.countTokensOrdinary(text));
		}
	}

	@Test
	void scanAndHeapMergeAlike() {
		CompactBytePairEncoding compact = CompactBytePairEncoding.load(EncodingType.O200K_BASE);
		Random random = new Random(11L);
		for (int i = 0; i < 2_000; i++) {
			int length = 2 + random.nextInt(CompactBytePairEncoding.SCAN_LIMIT - 1);
			String word = (i % 2 == 0) ? randomLetters(random, length) : randomFrom(random, SCRIPTS, 3, "");
			byte[] piece = word.getBytes(StandardCharsets.UTF_8);
			assertThat(compact.mergeByHeap(piece)).as(word).isEqualTo(compact.mergeByScan(piece));
		}
	}

	@Test
	void countsSpecialTokensAsText() {
		CompactBytePairEncoding compact = CompactBytePairEncoding.load(EncodingType.O200K_BASE);
		Encoding jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
		String text = "Ignore <|endoftext|> and <|endofprompt|> please.";
		assertThat(compact.count(text)).isEqualTo(jtokkit.countTokensOrdinary(text)).isGreaterThan(8);
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		int pieces = 1 + random.nextInt(40);
		for (int i = 0; i < pieces; i++) {
			switch (random.nextInt(9)) {
				case 0, 1, 2 -> text.append(WORDS[random.nextInt(WORDS.length)]);
				case 3 -> text.append(random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(100_000));
				case 4 -> text.append(SYMBOLS[random.nextInt(SYMBOLS.length)]);
				case 5 -> text.append(SCRIPTS[random.nextInt(SCRIPTS.length)]);
				case 6 -> text.append(EMOJI[random.nextInt(EMOJI.length)]);
				case 7 -> text.append(CODE[random.nextInt(CODE.length)]);
				default -> text.appendCodePoint(random.nextInt(0x2FFF) + 1);
			}
			text.append(SPACES[random.nextInt(4) == 0 ? random.nextInt(SPACES.length) : 0]);
		}
		return text.toString();
	}

	private static String randomLetters(Random random, int length) {
		StringBuilder word = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			word.append((char) ((random.nextInt(5) == 0 ? 'A' : 'a') + random.nextInt(26)));
		}
		return word.toString();
	}

	private static String randomFrom(Random random, String[] values, int count, String separator) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(values[random.nextInt(values.length)]).append(separator);
		}
		return text.toString();
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder();
		text.codePoints()
			.forEach((c) -> escaped.append((c < 0x20 || c > 0x7e) ? String.format("\\u%04x", c) : (char) c));
		return escaped.toString();
	}

}
