package io.llmobs.autoconfigure.redact;

import java.util.List;

import io.llmobs.redact.PiiDetector;

/**
 * Callback to adjust the PII detectors before the scanner is built: add a detector of
 * your own, or remove or replace the built-in one. Customizers run in their
 * {@code @Order}.
 */
@FunctionalInterface
public interface LlmObsRedactionCustomizer {

	/**
	 * Adjusts the detectors.
	 * @param detectors the built-in detector, then one per
	 * {@code llmobs.redaction.patterns} entry; mutable
	 */
	void customize(List<PiiDetector> detectors);

}
