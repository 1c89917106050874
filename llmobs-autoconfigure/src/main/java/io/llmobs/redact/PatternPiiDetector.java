package io.llmobs.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the matches of a user-defined regular expression
 * ({@code llmobs.redaction.patterns.<type>}); one pass of the text per pattern.
 */
final class PatternPiiDetector implements PiiDetector {

	private final String type;

	private final Pattern pattern;

	/**
	 * Creates the detector.
	 * @param type the type of its entities, canonical
	 * @param pattern what an entity looks like
	 */
	PatternPiiDetector(String type, Pattern pattern) {
		this.type = type;
		this.pattern = pattern;
	}

	@Override
	public void detect(String text, List<PiiEntity> found) {
		Matcher matcher = this.pattern.matcher(text);
		while (matcher.find()) {
			if (matcher.end() > matcher.start()) {
				found.add(new PiiEntity(this.type, matcher.start(), matcher.end()));
			}
		}
	}

}
