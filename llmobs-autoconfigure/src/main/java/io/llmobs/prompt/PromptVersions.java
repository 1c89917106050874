package io.llmobs.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a prompt template: the first 12 hex digits of the SHA-256 of its
 * normalized content, so that line endings, trailing spaces and final newlines do not
 * make a new version and any other edit does.
 */
public final class PromptVersions {

	/** Hex digits of a version. */
	public static final int LENGTH = 12;

	private PromptVersions() {
	}

	/**
	 * The version of a template.
	 * @param template the template text
	 * @return 12 lowercase hex digits
	 */
	public static String version(String template) {
		byte[] digest = sha256().digest(normalize(template).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
	}

	/**
	 * The content that is hashed: line endings made {@code \n}, a leading byte-order
	 * mark, trailing whitespace of every line and trailing empty lines removed.
	 * @param template the template text
	 * @return the normalized text
	 */
	public static String normalize(String template) {
		String text = template.startsWith("\uFEFF") ? template.substring(1) : template;
		StringBuilder normalized = new StringBuilder(text.length());
		int start = 0;
		int length = text.length();
		while (start <= length) {
			int end = start;
			while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			int trimmed = end;
			while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
				trimmed--;
			}
			normalized.append(text, start, trimmed).append('\n');
			if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
				end++;
			}
			start = end + 1;
		}
		int last = normalized.length();
		while (last > 0 && normalized.charAt(last - 1) == '\n') {
			last--;
		}
		normalized.setLength(last);
		return normalized.toString();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
