package io.llmobs.redact;

import java.util.List;

/**
 * Finds PII entities in a text. Detectors may report overlapping entities: the {@link PiiScanner} keeps the longest.
 */
@FunctionalInterface
public interface PiiDetector {

	/**
	 * Adds the entities found in the text.
	 * @param text the text to scan
	 * @param found where the entities go
	 */
	void detect(String text, List<PiiEntity> found);

}
