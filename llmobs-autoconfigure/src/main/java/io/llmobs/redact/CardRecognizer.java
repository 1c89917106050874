package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.validator.routines.CodeValidator;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.CreditCardValidator.CreditCardRange;

/**
 * Payment card numbers, in a run of digits: 13 to 19 digits that pass the Luhn check and
 * a network's prefixes and lengths (commons-validator: Visa, Mastercard, Amex, Discover,
 * Diners, and JCB, UnionPay and Maestro from 16 digits). Written plain or grouped as
 * cards are (groups of four with spaces or dashes, the last one shorter, Amex's 4-6-5 and
 * Diners' 4-6-4); other groupings, such as the order number {@code 420-3997837-0444038},
 * are rejected even when their digits pass Luhn. A run may hold more than the card (an
 * expiry date, a security code): shorter runs of groups are tried when the whole one is
 * no card.
 */
final class CardRecognizer implements PiiRecognizer.InNumber {

	private static final CreditCardValidator CARDS = new CreditCardValidator(
			new CodeValidator[] { CreditCardValidator.VISA_VALIDATOR, CreditCardValidator.MASTERCARD_VALIDATOR,
					CreditCardValidator.AMEX_VALIDATOR, CreditCardValidator.DISCOVER_VALIDATOR,
					CreditCardValidator.DINERS_VALIDATOR },
			new CreditCardRange[] { new CreditCardRange("3528", "3589", 16, 19), // JCB
					new CreditCardRange("62", null, 16, 19), // UnionPay
					new CreditCardRange("6759", null, 16, 19), // Maestro UK
					new CreditCardRange("50", "50", 16, 19), new CreditCardRange("56", "58", 16, 19),
					new CreditCardRange("60", "69", 16, 19) }); // Maestro (16 digits and
																// more)

	private static final int MIN_DIGITS = 13;

	private static final int MAX_DIGITS = 19;

	@Override
	public String type() {
		return PiiTypes.CREDIT_CARD;
	}

	@Override
	public int minDigits() {
		return MIN_DIGITS;
	}

	/**
	 * Splits the run into groups at spaces and dashes; any other separator (a
	 * parenthesis, a dot) ends the groups that may form one number.
	 */
	@Override
	public boolean findInNumber(String text, int start, int end, List<PiiEntity> found) {
		List<int[]> groups = new ArrayList<>();
		int groupStart = -1;
		for (int k = start; k <= end; k++) {
			char ch = (k < end) ? text.charAt(k) : '.';
			if (ScanCharacters.isDigit(ch)) {
				if (groupStart < 0) {
					groupStart = k;
				}
				continue;
			}
			if (groupStart >= 0) {
				groups.add(new int[] { groupStart, k });
				groupStart = -1;
			}
			if (ch != ' ' && ch != '-') {
				if (findInGroups(text, groups, found)) {
					return true;
				}
				groups.clear();
			}
		}
		return false;
	}

	/**
	 * The groups as a whole first, then shorter runs of them, from the first group on.
	 */
	private static boolean findInGroups(String text, List<int[]> groups, List<PiiEntity> found) {
		for (int first = 0; first < groups.size(); first++) {
			for (int last = groups.size() - 1; last >= first; last--) {
				int digits = 0;
				for (int g = first; g <= last; g++) {
					digits += groups.get(g)[1] - groups.get(g)[0];
				}
				if (digits < MIN_DIGITS) {
					break;
				}
				if (digits <= MAX_DIGITS && isCardGrouping(groups, first, last)) {
					int from = groups.get(first)[0];
					int to = groups.get(last)[1];
					if (isLuhnValid(text, from, to) && CARDS.isValid(ScanCharacters.digitsOf(text, from, to))) {
						found.add(new PiiEntity(PiiTypes.CREDIT_CARD, from, to));
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * One group, groups of four (the last one shorter), or Amex's and Diners' 4-6-5 and
	 * 4-6-4.
	 */
	private static boolean isCardGrouping(List<int[]> groups, int first, int last) {
		if (first == last) {
			return true;
		}
		int[] sizes = new int[last - first + 1];
		for (int g = first; g <= last; g++) {
			sizes[g - first] = groups.get(g)[1] - groups.get(g)[0];
		}
		if (sizes.length == 3 && sizes[0] == 4 && sizes[1] == 6 && (sizes[2] == 5 || sizes[2] == 4)) {
			return true;
		}
		for (int g = 0; g < sizes.length - 1; g++) {
			if (sizes[g] != 4) {
				return false;
			}
		}
		return sizes[sizes.length - 1] <= 4;
	}

	/**
	 * The Luhn check that every card network applies: most digit runs fail it before the
	 * validator is asked.
	 */
	private static boolean isLuhnValid(String text, int start, int end) {
		int sum = 0;
		boolean doubled = false;
		for (int k = end - 1; k >= start; k--) {
			char ch = text.charAt(k);
			if (ScanCharacters.isDigit(ch)) {
				int digit = ch - '0';
				if (doubled) {
					digit = (digit > 4) ? digit * 2 - 9 : digit * 2;
				}
				sum += digit;
				doubled = !doubled;
			}
		}
		return sum % 10 == 0;
	}

}
