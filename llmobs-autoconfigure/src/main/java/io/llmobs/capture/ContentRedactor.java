package io.llmobs.capture;

import java.util.List;

import io.llmobs.redact.PiiEntity;
import io.llmobs.redact.PiiScanner;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a text before it leaves the process: cut at the scan limit, PII
 * replaced by placeholders (unless redaction is off), and for captured content, cut at
 * the capture limit.
 */
final class ContentRedactor {

	private final @Nullable PiiScanner scanner;

	private final int maxScanLength;

	/**
	 * Creates the redactor.
	 * @param scanner the scanner, or {@code null} when redaction is off
	 * @param maxScanLength characters of a text that are scanned (and kept) at most
	 */
	ContentRedactor(@Nullable PiiScanner scanner, int maxScanLength) {
		this.scanner = scanner;
		this.maxScanLength = maxScanLength;
	}

	/**
	 * Redacts a text.
	 * @param text the raw text
	 * @return its first characters up to the scan limit, PII replaced
	 */
	String redact(String text) {
		String scanned = cut(text, this.maxScanLength);
		PiiScanner scanner = this.scanner;
		return (scanner != null) ? scanner.redact(scanned).text() : scanned;
	}

	/**
	 * Redacts a text, then cuts it.
	 * @param text the raw text
	 * @param maxLength characters kept at most after redaction
	 * @return the redacted text, cut
	 */
	String redact(String text, int maxLength) {
		return cut(redact(text), maxLength);
	}

	/**
	 * Finds the PII of a text, within the scan limit.
	 * @param scanner the scanner
	 * @param text the text
	 * @param maxScanLength characters scanned at most
	 * @return the entities
	 */
	static List<PiiEntity> scan(PiiScanner scanner, String text, int maxScanLength) {
		return scanner.scan(cut(text, maxScanLength));
	}

	/** The first characters of a text, never splitting a surrogate pair. */
	static String cut(String text, int maxLength) {
		if (text.length() <= maxLength) {
			return text;
		}
		int end = maxLength;
		if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end);
	}

}
