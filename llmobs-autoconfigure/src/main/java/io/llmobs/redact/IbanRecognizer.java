package io.llmobs.redact;

import java.util.List;

import org.apache.commons.validator.routines.IBANValidator;

/**
 * International bank account numbers, at the start of a word: two upper-case letters and
 * two digits, then as many upper-case letters and digits as the country's format has,
 * with single spaces between them allowed ({@code DE89 3704 0044 0532 0130 00}), and
 * nothing glued after them. commons-validator decides: a country it knows, the country's
 * length and format, and the mod-97 check digits, so a number with a wrong check digit is
 * rejected.
 */
final class IbanRecognizer implements PiiRecognizer.AtWordStart {

	private static final IBANValidator IBANS = IBANValidator.getInstance();

	@Override
	public String type() {
		return PiiTypes.IBAN;
	}

	/** A country code: upper case. */
	@Override
	public boolean mayStartWith(char c) {
		return ScanCharacters.isUpper(c);
	}

	@Override
	public int findAtWordStart(String text, int start, List<PiiEntity> found) {
		if (!ScanCharacters.isUpper(text.charAt(start)) || start + 3 >= text.length()
				|| !ScanCharacters.isUpper(text.charAt(start + 1)) || !ScanCharacters.isDigit(text.charAt(start + 2))
				|| !ScanCharacters.isDigit(text.charAt(start + 3))) {
			return -1;
		}
		int end = end(text, start);
		if (end > 0) {
			found.add(new PiiEntity(PiiTypes.IBAN, start, end));
		}
		return end;
	}

	/** The end of the IBAN that starts here, or -1. */
	private static int end(String text, int start) {
		IBANValidator.Validator format = IBANS.getValidator(text.substring(start, start + 2));
		if (format == null) {
			return -1;
		}
		int wanted = format.getIbanLength();
		StringBuilder iban = new StringBuilder(wanted);
		int k = start;
		while (k < text.length() && iban.length() < wanted) {
			char ch = text.charAt(k);
			if (ScanCharacters.isDigit(ch) || ScanCharacters.isUpper(ch)) {
				iban.append(ch);
			}
			else if (ch != ' ' || k + 1 >= text.length() || text.charAt(k + 1) == ' ') {
				break;
			}
			k++;
		}
		if (iban.length() != wanted || !ScanCharacters.isBoundaryAfter(text, k)) {
			return -1;
		}
		return IBANS.isValid(iban.toString()) ? k : -1;
	}

}
