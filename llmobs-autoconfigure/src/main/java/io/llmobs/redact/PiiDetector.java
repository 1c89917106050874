package io.llmobs.redact;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds PII entities in a text. Detectors may report overlapping entities: the
 * {@link PiiScanner} keeps the longest.
 */
@FunctionalInterface
public interface PiiDetector {

	/**
	 * Adds the entities found in the text.
	 * @param text the text to scan
	 * @param found where the entities go
	 */
	void detect(String text, List<PiiEntity> found);

	/**
	 * A detector of the matches of a regular expression, one pass of the text, as
	 * {@code llmobs.redaction.patterns} adds them.
	 * @param type the type of its entities, canonical
	 * ({@link PiiTypes#canonical(String)})
	 * @param pattern what an entity looks like
	 * @return the detector
	 */
	static PiiDetector pattern(String type, Pattern pattern) {
		return new PatternPiiDetector(type, pattern);
	}

}
