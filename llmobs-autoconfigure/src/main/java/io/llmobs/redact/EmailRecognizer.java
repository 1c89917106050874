package io.llmobs.redact;

import java.util.List;

import org.apache.commons.validator.routines.DomainValidator;

/**
 * E-mail addresses, found around their {@code @}. Accepts dot-atoms on both sides within
 * RFC 5321's sizes (64 characters before the {@code @}, 253 after), host labels of
 * letters, digits and inner hyphens, at least two labels, and a top-level domain that
 * IANA delegated (commons-validator's list): an address at an unknown or internal domain
 * ({@code user@host.internal}) is no address anyone outside can write to. Rejects empty,
 * leading or trailing labels and dots ({@code a..b@x.com}, {@code a@.x.com}). Quoted
 * local parts and non-ASCII addresses are not read. What surrounds the address stays
 * outside: a quote before it, a full stop or hyphen after it, and underscores that open
 * it as many as close it ({@code _jane@example.com_} in markdown).
 */
final class EmailRecognizer implements PiiRecognizer.AroundCharacter {

	private static final DomainValidator DOMAINS = DomainValidator.getInstance(false);

	private static final boolean[] LOCAL_PART = ScanCharacters
		.asciiTable((c) -> Character.isLetterOrDigit(c) || ".-_%+'".indexOf(c) >= 0);

	private static final boolean[] DOMAIN = ScanCharacters
		.asciiTable((c) -> Character.isLetterOrDigit(c) || c == '.' || c == '-');

	@Override
	public String type() {
		return PiiTypes.EMAIL;
	}

	@Override
	public char trigger() {
		return '@';
	}

	@Override
	public int findAround(String text, int at, List<PiiEntity> found) {
		int start = at;
		while (start > 0 && ScanCharacters.isIn(LOCAL_PART, text.charAt(start - 1))) {
			start--;
		}
		int end = at + 1;
		while (end < text.length() && ScanCharacters.isIn(DOMAIN, text.charAt(end))) {
			end++;
		}
		while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
			end--;
		}
		while (start < at && (text.charAt(start) == '.' || text.charAt(start) == '\'')) {
			// A dot cannot start a local part; a quote that does is a quotation mark
			// around the address.
			start++;
		}
		int closing = ScanCharacters.underscoresAfter(text, end);
		while (closing > 0 && start < at && text.charAt(start) == '_') {
			// Underscores that open the address as many as close it: markdown emphasis,
			// not the local part.
			start++;
			closing--;
		}
		if (start < at && end > at + 1 && isEmail(text, start, at, end)) {
			found.add(new PiiEntity(PiiTypes.EMAIL, start, end));
			return end;
		}
		return -1;
	}

	private static boolean isEmail(String text, int start, int at, int end) {
		if (at - start > 64 || end - at - 1 > 253 || text.charAt(at - 1) == '.' || text.charAt(at + 1) == '.') {
			return false;
		}
		for (int k = start + 1; k < at; k++) {
			if (text.charAt(k) == '.' && text.charAt(k - 1) == '.') {
				return false;
			}
		}
		int labels = 0;
		int labelStart = at + 1;
		for (int k = at + 1; k <= end; k++) {
			if (k == end || text.charAt(k) == '.') {
				int length = k - labelStart;
				if (length == 0 || length > 63 || text.charAt(labelStart) == '-' || text.charAt(k - 1) == '-') {
					return false;
				}
				labels++;
				if (k < end) {
					labelStart = k + 1;
				}
			}
		}
		if (labels < 2) {
			return false;
		}
		for (int k = labelStart; k < end; k++) {
			if (!ScanCharacters.isAsciiLetter(text.charAt(k))) {
				return false;
			}
		}
		return DOMAINS.isValidTld(text.substring(labelStart, end));
	}

}
