package io.llmobs.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The built-in types in one pass over the text: cheap character tests find candidates (a
 * run of digits and separators, a word that starts like an IBAN or a known key, the text
 * around an {@code @} or a {@code :}), and one recognizer per type decides on candidates
 * only, with its validator: libphonenumber for phone numbers, commons-validator for cards
 * (network prefixes, lengths, Luhn), IBANs (country format, check digits), IP addresses
 * and the top-level domain of e-mail addresses. Social security numbers and secrets have
 * no validator library: their recognizers check their shapes.
 */
public final class BuiltInPiiDetector implements PiiDetector {

	/**
	 * Characters where something may start: word characters, the number starts {@code +}
	 * and {@code (}.
	 */
	private static final int TOKEN = 1;

	/**
	 * The characters an {@link PiiRecognizer.AroundCharacter} reacts to ({@code @},
	 * {@code :}): in a static table, like the others, so that the pass skips every other
	 * character with one lookup.
	 */
	private static final int TRIGGER = 2;

	private static final byte[] STARTS = starts();

	private final PiiRecognizer.@Nullable AroundCharacter[] aroundCharacters = new PiiRecognizer.AroundCharacter[128];

	private final boolean[] wordStarts = new boolean[128];

	private final PiiRecognizer.AtWordStart[] atWordStarts;

	private final PiiRecognizer.InNumber[] inNumbers;

	/** The fewest digits a run needs for any of {@link #inNumbers}. */
	private final int fewestDigits;

	/**
	 * Creates a detector of every built-in type, national phone numbers read as numbers
	 * of the given regions.
	 * @param phoneRegions ISO 3166 region codes (such as {@code US}, {@code GB}) of phone
	 * numbers written without their country code; numbers with one ({@code +44 ...},
	 * {@code 0044 ...}) are found in any case
	 */
	public BuiltInPiiDetector(Collection<String> phoneRegions) {
		this(PiiTypes.builtIn(), phoneRegions);
	}

	/**
	 * Creates a detector of some of the built-in types.
	 * @param types the types to find, from {@link PiiTypes#builtIn()}
	 * @param phoneRegions ISO 3166 region codes of phone numbers written without their
	 * country code
	 */
	public BuiltInPiiDetector(Collection<String> types, Collection<String> phoneRegions) {
		this(types, phoneRegions, false);
	}

	/**
	 * Creates a detector of some of the built-in types.
	 * @param types the types to find, from {@link PiiTypes#builtIn()}
	 * @param phoneRegions ISO 3166 region codes of phone numbers written without their
	 * country code
	 * @param strictPhoneValidation whether a number written with {@code +} and a country
	 * code must be valid in that country's numbering plan (in a range assigned when
	 * libphonenumber was built); when {@code false}, a national number of a length the
	 * plan allows is enough
	 */
	public BuiltInPiiDetector(Collection<String> types, Collection<String> phoneRegions,
			boolean strictPhoneValidation) {
		Set<String> enabled = Set.copyOf(types);
		// In this order where one candidate may be of several types: the first that finds
		// something decides (a run of digits: IP address, SSN, card, phone; a word: IBAN,
		// secret).
		List<PiiRecognizer> recognizers = List.of(new EmailRecognizer(), new IpAddressRecognizer(),
				new IbanRecognizer(), new SecretRecognizer(), new SsnRecognizer(), new CardRecognizer(),
				new PhoneRecognizer(phoneRegions, strictPhoneValidation));
		List<PiiRecognizer.AtWordStart> words = new ArrayList<>();
		List<PiiRecognizer.InNumber> numbers = new ArrayList<>();
		int fewest = Integer.MAX_VALUE;
		for (PiiRecognizer recognizer : recognizers) {
			if (!enabled.contains(recognizer.type())) {
				continue;
			}
			if (recognizer instanceof PiiRecognizer.AroundCharacter around) {
				if (STARTS[around.trigger()] != TRIGGER) {
					throw new IllegalStateException("'" + around.trigger() + "' is not among the pass's triggers");
				}
				this.aroundCharacters[around.trigger()] = around;
			}
			if (recognizer instanceof PiiRecognizer.AtWordStart word) {
				words.add(word);
				for (char c = 0; c < 128; c++) {
					this.wordStarts[c] |= word.mayStartWith(c);
				}
			}
			if (recognizer instanceof PiiRecognizer.InNumber number) {
				numbers.add(number);
				fewest = Math.min(fewest, number.minDigits());
			}
		}
		this.atWordStarts = words.toArray(new PiiRecognizer.AtWordStart[0]);
		this.inNumbers = numbers.toArray(new PiiRecognizer.InNumber[0]);
		this.fewestDigits = fewest;
	}

	/**
	 * Whether a region code is one libphonenumber knows.
	 * @param region an ISO 3166 region code
	 * @return whether national numbers of the region can be read
	 */
	public static boolean isPhoneRegion(String region) {
		return PhoneRecognizer.isRegion(region);
	}

	@Override
	public void detect(String text, List<PiiEntity> found) {
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			int start = (c < 128) ? STARTS[c] : TOKEN;
			if (start == 0) {
				// Spaces and punctuation: most characters that are no word character
				// start nothing.
				i++;
				continue;
			}
			int next = i + 1;
			if (start == TRIGGER) {
				PiiRecognizer.AroundCharacter around = this.aroundCharacters[c];
				if (around != null) {
					next = around.findAround(text, i, found);
				}
			}
			else if (i == 0 || !ScanCharacters.isWordChar(text.charAt(i - 1))
					|| (text.charAt(i - 1) == '_' && ScanCharacters.isBoundaryBefore(text, i))) {
				if ((ScanCharacters.isDigit(c) || c == '+' || c == '(') && !isHyphenated(text, i)) {
					next = number(text, i, found);
				}
				else if (ScanCharacters.isIn(this.wordStarts, c)) {
					next = word(text, i, found);
				}
				if (next == i + 1 && ScanCharacters.isWordChar(c) && c != '_') {
					// Nothing starts here: skip the rest of the word, whose characters
					// are no boundaries. Underscores that open a word are markdown
					// emphasis or a name's prefix: what follows them may start something.
					next = ScanCharacters.endOfWord(text, next);
				}
			}
			i = Math.max(next, i + 1);
		}
	}

	/**
	 * Whether a number continues a hyphenated identifier, such as
	 * {@code ORD-2024-118833}.
	 */
	private static boolean isHyphenated(String text, int index) {
		return index >= 2 && text.charAt(index - 1) == '-' && ScanCharacters.isWordChar(text.charAt(index - 2));
	}

	private int word(String text, int start, List<PiiEntity> found) {
		for (PiiRecognizer.AtWordStart recognizer : this.atWordStarts) {
			int end = recognizer.findAtWordStart(text, start, found);
			if (end >= 0) {
				return end;
			}
		}
		return start + 1;
	}

	// Numbers: a run of digits and short separators, handed to the recognizers in their
	// order.

	private int number(String text, int start, List<PiiEntity> found) {
		int length = text.length();
		int j = (text.charAt(start) == '+') ? start + 1 : start;
		int end = start;
		int digits = 0;
		while (j < length) {
			if (ScanCharacters.isDigit(text.charAt(j))) {
				digits++;
				j++;
				end = j;
				continue;
			}
			// Up to three separators, then a digit: "(415) 555-0132", "+44 (0)20", "4111
			// 1111".
			int k = j;
			while (k < length && k - j < 3 && isNumberSeparator(text, k)) {
				k++;
			}
			if (k == j || k >= length || !ScanCharacters.isDigit(text.charAt(k)) || text.startsWith("  ", j)) {
				break;
			}
			j = k;
		}
		if (digits == 0) {
			return start + 1;
		}
		if (end < length && ScanCharacters.isWordChar(text.charAt(end)) && !ScanCharacters.isBoundaryAfter(text, end)) {
			// Part of a longer token, such as an order number or a hash: skip the token.
			return ScanCharacters.endOfWord(text, end);
		}
		if (digits >= this.fewestDigits) {
			int numberStart = ScanCharacters.numberStart(text, start, end);
			for (PiiRecognizer.InNumber recognizer : this.inNumbers) {
				if (digits >= recognizer.minDigits() && recognizer.findInNumber(text, numberStart, end, found)) {
					break;
				}
			}
		}
		return end;
	}

	/**
	 * Separators inside a number: a dot only between digits (a full stop ends the
	 * number), no plus sign (it starts the next number).
	 */
	private static boolean isNumberSeparator(String text, int index) {
		char c = text.charAt(index);
		if (c == '.') {
			return index > 0 && ScanCharacters.isDigit(text.charAt(index - 1)) && index + 1 < text.length()
					&& ScanCharacters.isDigit(text.charAt(index + 1));
		}
		return c == ' ' || c == '-' || c == '(' || c == ')';
	}

	private static byte[] starts() {
		byte[] starts = new byte[128];
		for (char c = 0; c < 128; c++) {
			if (ScanCharacters.isWordChar(c) || c == '+' || c == '(') {
				starts[c] = TOKEN;
			}
		}
		starts['@'] = TRIGGER;
		starts[':'] = TRIGGER;
		return starts;
	}

}
