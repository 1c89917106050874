package io.llmobs.redact;

import java.util.List;

import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 and IPv6 addresses, validated by commons-validator. IPv4: dotted quads in a run of
 * digits, each between spaces or after an opening parenthesis (a port or a CIDR suffix
 * stays outside, the digits before a colon or slash end the run); a version written
 * without its {@code v} ({@code 1.2.3.4}) is accepted, as it cannot be told apart. IPv6:
 * hexadecimal groups and colons around a colon, full, compressed ({@code 2001:db8::1},
 * {@code ::1}) or with an IPv4 tail, as whole tokens only, with at least two colons and
 * one hexadecimal digit, so that times ({@code 14:30}) and C++ scopes
 * ({@code std::vector}) are no address. A colon after the address
 * ({@code 2001:db8::1: down}) stays outside when the address without it is valid.
 */
final class IpAddressRecognizer implements PiiRecognizer.AroundCharacter, PiiRecognizer.InNumber {

	private static final InetAddressValidator IPS = InetAddressValidator.getInstance();

	private static final boolean[] IPV6 = ScanCharacters
		.asciiTable((c) -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');

	@Override
	public String type() {
		return PiiTypes.IP_ADDRESS;
	}

	@Override
	public char trigger() {
		return ':';
	}

	@Override
	public int findAround(String text, int colon, List<PiiEntity> found) {
		int start = colon;
		while (start > 0 && ScanCharacters.isIn(IPV6, text.charAt(start - 1))) {
			start--;
		}
		int end = colon + 1;
		while (end < text.length() && ScanCharacters.isIn(IPV6, text.charAt(end))) {
			end++;
		}
		while (end > colon + 1 && text.charAt(end - 1) == '.') {
			end--;
		}
		if (!ScanCharacters.isBoundaryBefore(text, start) || !ScanCharacters.isBoundaryAfter(text, end)) {
			return -1;
		}
		if (isIpv6(text, start, end)) {
			found.add(new PiiEntity(PiiTypes.IP_ADDRESS, start, end));
			return end;
		}
		if (text.charAt(end - 1) == ':' && isIpv6(text, start, end - 1)) {
			// A colon after the address: "at 2001:db8::1: ...", "2001:db8:::".
			found.add(new PiiEntity(PiiTypes.IP_ADDRESS, start, end - 1));
			return end;
		}
		return -1;
	}

	private static boolean isIpv6(String text, int start, int end) {
		int colons = 0;
		boolean hexDigit = false;
		for (int k = start; k < end; k++) {
			char ch = text.charAt(k);
			if (ch == ':') {
				colons++;
			}
			else {
				hexDigit = true;
			}
		}
		return colons >= 2 && hexDigit && IPS.isValidInet6Address(text.substring(start, end));
	}

	/** Four digits at least: {@code 1.2.3.4}. */
	@Override
	public int minDigits() {
		return 4;
	}

	/** Dotted quads in the run, separated by spaces. */
	@Override
	public boolean findInNumber(String text, int start, int end, List<PiiEntity> found) {
		boolean any = false;
		int tokenStart = start;
		int dots = 0;
		for (int k = start; k <= end; k++) {
			char ch = (k < end) ? text.charAt(k) : ' ';
			if (ch == '.') {
				dots++;
			}
			else if (ch == '(' && k == tokenStart) {
				tokenStart++;
			}
			else if (ch == ' ') {
				if (dots == 3 && IPS.isValidInet4Address(text.substring(tokenStart, k))) {
					found.add(new PiiEntity(PiiTypes.IP_ADDRESS, tokenStart, k));
					any = true;
				}
				tokenStart = k + 1;
				dots = 0;
			}
		}
		return any;
	}

}
