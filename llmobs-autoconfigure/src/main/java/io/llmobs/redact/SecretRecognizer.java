package io.llmobs.redact;

import java.util.List;

/**
 * API keys and tokens, at the start of a word, by the prefix and length of known formats:
 * OpenAI and Anthropic {@code sk-}, Stripe {@code sk_} and {@code rk_} (20 characters and
 * more after the prefix), AWS {@code AKIA} and {@code ASIA} (16 upper-case letters or
 * digits), Google {@code AIza} (35), GitHub {@code ghp_}, {@code gho_}, {@code ghu_},
 * {@code ghs_}, {@code ghr_} (36) and {@code github_pat_} (22), GitLab {@code glpat-}
 * (20), Slack {@code xox[abposr]-} (10), JWTs (a header and a payload that both start
 * with {@code eyJ}, 10 characters each at least, and an optional signature) and the token
 * of {@code Bearer <token>} (16 base64 characters at least; the word {@code Bearer}
 * stays). A prefix followed by too few characters ({@code sk-1234}) or glued to more word
 * characters is rejected; secrets without a known prefix (passwords, generic hex tokens)
 * are not recognized. Underscores that close the token as many as opened it, and a full
 * stop or {@code ~} after a bearer token, stay outside.
 */
final class SecretRecognizer implements PiiRecognizer.AtWordStart {

	private static final boolean[] BASE64_URL = ScanCharacters
		.asciiTable((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_');

	private static final boolean[] BASE64 = ScanCharacters
		.asciiTable((c) -> BASE64_URL[c] || c == '.' || c == '~' || c == '+' || c == '/');

	private static final String BEARER = "bearer ";

	@Override
	public String type() {
		return PiiTypes.SECRET;
	}

	/** The first letters of the known prefixes. */
	@Override
	public boolean mayStartWith(char c) {
		return "ABbegrsx".indexOf(c) >= 0;
	}

	@Override
	public int findAtWordStart(String text, int start, List<PiiEntity> found) {
		int end = end(text, start);
		if (end < 0) {
			return -1;
		}
		end = withoutClosingUnderscores(text, start, end);
		int tokenStart = isBearer(text, start) ? start + BEARER.length() : start;
		found.add(new PiiEntity(PiiTypes.SECRET, tokenStart, end));
		return end;
	}

	/** The end of the secret that starts here, or -1. */
	private static int end(String text, int start) {
		switch (text.charAt(start)) {
			case 's':
				if (text.startsWith("sk-", start)) {
					return token(text, start + 3, 20, false);
				}
				if (text.startsWith("sk_", start)) {
					return token(text, start + 3, 20, false);
				}
				return -1;
			case 'r':
				return text.startsWith("rk_", start) ? token(text, start + 3, 20, false) : -1;
			case 'A':
				if (text.startsWith("AKIA", start) || text.startsWith("ASIA", start)) {
					return upperAlnum(text, start + 4, 16);
				}
				return text.startsWith("AIza", start) ? token(text, start + 4, 35, false) : -1;
			case 'g':
				if (text.startsWith("github_pat_", start)) {
					return token(text, start + 11, 22, false);
				}
				if (text.startsWith("gh", start) && start + 3 < text.length()
						&& "pousr".indexOf(text.charAt(start + 2)) >= 0 && text.charAt(start + 3) == '_') {
					return token(text, start + 4, 36, false);
				}
				return text.startsWith("glpat-", start) ? token(text, start + 6, 20, false) : -1;
			case 'x':
				if (text.startsWith("xox", start) && start + 4 < text.length()
						&& "abposr".indexOf(text.charAt(start + 3)) >= 0 && text.charAt(start + 4) == '-') {
					return token(text, start + 5, 10, false);
				}
				return -1;
			case 'e':
				return text.startsWith("eyJ", start) ? jwt(text, start) : -1;
			case 'B':
			case 'b':
				return isBearer(text, start) ? token(text, start + BEARER.length(), 16, true) : -1;
			default:
				return -1;
		}
	}

	private static boolean isBearer(String text, int start) {
		return text.regionMatches(true, start, BEARER, 0, BEARER.length());
	}

	/**
	 * The end of a token of at least {@code min} characters from {@code start}, followed
	 * by no word character.
	 */
	private static int token(String text, int start, int min, boolean base64) {
		boolean[] chars = base64 ? BASE64 : BASE64_URL;
		int k = start;
		while (k < text.length() && ScanCharacters.isIn(chars, text.charAt(k))) {
			k++;
		}
		if (base64) {
			while (k > start && (text.charAt(k - 1) == '.' || text.charAt(k - 1) == '~')) {
				// A full stop, an ellipsis or a strike-through after the token, not its
				// end.
				k--;
			}
			while (k < text.length() && text.charAt(k) == '=') {
				k++;
			}
		}
		return (k - start >= min && ScanCharacters.isBoundaryAfter(text, k)) ? k : -1;
	}

	private static int upperAlnum(String text, int start, int count) {
		int end = start + count;
		if (end > text.length()) {
			return -1;
		}
		for (int k = start; k < end; k++) {
			char ch = text.charAt(k);
			if (!ScanCharacters.isDigit(ch) && !ScanCharacters.isUpper(ch)) {
				return -1;
			}
		}
		return ScanCharacters.isBoundaryAfter(text, end) ? end : -1;
	}

	/**
	 * Header and payload (base64url JSON, so both start with {@code eyJ}) and an optional
	 * signature.
	 */
	private static int jwt(String text, int start) {
		int k = start;
		for (int segment = 0; segment < 3; segment++) {
			int segmentStart = k;
			while (k < text.length() && ScanCharacters.isIn(BASE64_URL, text.charAt(k))) {
				k++;
			}
			if (segment < 2) {
				if (k - segmentStart < 10 || k >= text.length() || text.charAt(k) != '.'
						|| (segment == 1 && !text.startsWith("eyJ", segmentStart))) {
					return -1;
				}
				k++;
			}
		}
		return ScanCharacters.isBoundaryAfter(text, k) ? k : -1;
	}

	/**
	 * The end of a token that reads underscores as its own characters, without the
	 * trailing ones that close the underscores before it ({@code _sk-..._}): as many as
	 * opened it, no more.
	 */
	private static int withoutClosingUnderscores(String text, int start, int end) {
		int opened = ScanCharacters.underscoresBefore(text, start);
		int k = end;
		while (opened > 0 && k > start && text.charAt(k - 1) == '_') {
			k--;
			opened--;
		}
		return k;
	}

}
