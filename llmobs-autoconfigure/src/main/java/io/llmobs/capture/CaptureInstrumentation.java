package io.llmobs.capture;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * What llmobs does with the content of model calls, built once from the PII scanner and
 * the redaction settings: the filters that redact Spring AI's content attributes and
 * capture prompts and completions, and the handler that counts PII. Every text goes
 * through the same redaction.
 */
public final class CaptureInstrumentation {

	private final PiiScanner scanner;

	private final int maxScanLength;

	private final ContentRedactor redactor;

	private final InstrumentationErrors errors;

	/**
	 * Creates the instrumentation.
	 * @param scanner the PII scanner
	 * @param redaction whether PII is replaced by placeholders in what leaves the process
	 * @param maxScanLength characters of each text scanned (and kept) at most
	 * @param errors where failures inside llmobs are reported
	 */
	public CaptureInstrumentation(PiiScanner scanner, boolean redaction, int maxScanLength,
			InstrumentationErrors errors) {
		this.scanner = scanner;
		this.maxScanLength = maxScanLength;
		this.redactor = new ContentRedactor(redaction ? scanner : null, maxScanLength);
		this.errors = errors;
	}

	/**
	 * A text as llmobs records it: cut at the scan limit and, with redaction on, PII
	 * replaced by placeholders.
	 * @param text the raw text
	 * @return the text as it would leave the process
	 */
	public String redact(String text) {
		return this.redactor.redact(text);
	}

	/**
	 * The filter that redacts the content Spring AI's own observations carry
	 * (vector-store query, tool-call arguments and result); it must run after the filters
	 * that add them.
	 * @return the filter
	 */
	public ObservationFilter springAiContentRedactor() {
		return new SpringAiContentRedactor(this.redactor, this.errors);
	}

	/**
	 * The filter that records prompts and completions, redacted, on model-call spans.
	 * @param maxLength characters of each text kept after redaction
	 * @return the filter
	 */
	public ObservationFilter contentCapture(int maxLength) {
		return new ContentCaptureFilter(this.redactor, maxLength, this.errors);
	}

	/**
	 * The handler that counts the PII of every model round trip in
	 * {@code llmobs.pii.entities}.
	 * @param meters the counters
	 * @return the handler
	 */
	public ObservationHandler<ChatModelObservationContext> piiEntityCounter(PiiMeters meters) {
		return new PiiEntityCounter(this.scanner, meters, this.maxScanLength, this.errors);
	}

}
