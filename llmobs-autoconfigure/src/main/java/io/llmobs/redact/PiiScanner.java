package io.llmobs.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the detectors over a text and keeps one entity where several overlap (the longest,
 * then the first found), in text order. Thread-safe when the detectors are.
 */
public final class PiiScanner {

	private static final Comparator<PiiEntity> TEXT_ORDER = Comparator.comparingInt(PiiEntity::start)
		.thenComparing(Comparator.comparingInt(PiiEntity::length).reversed());

	private final List<PiiDetector> detectors;

	/**
	 * Creates a scanner.
	 * @param detectors the detectors, run in this order
	 */
	public PiiScanner(List<? extends PiiDetector> detectors) {
		this.detectors = List.copyOf(detectors);
	}

	/**
	 * Finds the entities in a text.
	 * @param text the text
	 * @return the entities, in text order, none overlapping
	 */
	public List<PiiEntity> scan(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		List<PiiEntity> found = new ArrayList<>();
		for (PiiDetector detector : this.detectors) {
			detector.detect(text, found);
		}
		if (found.size() < 2) {
			return found;
		}
		found.sort(TEXT_ORDER);
		List<PiiEntity> kept = new ArrayList<>(found.size());
		for (PiiEntity entity : found) {
			PiiEntity last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
			if (last == null || entity.start() >= last.end()) {
				kept.add(entity);
			}
			else if (entity.length() > last.length()) {
				kept.set(kept.size() - 1, entity);
			}
		}
		return kept;
	}

	/**
	 * Replaces every entity of a text with its type's placeholder.
	 * @param text the text
	 * @return the redacted text and what was replaced
	 */
	public Redaction redact(String text) {
		List<PiiEntity> entities = scan(text);
		if (entities.isEmpty()) {
			return new Redaction(text, entities);
		}
		StringBuilder redacted = new StringBuilder(text.length());
		int from = 0;
		for (PiiEntity entity : entities) {
			redacted.append(text, from, entity.start()).append(PiiTypes.placeholder(entity.type()));
			from = entity.end();
		}
		redacted.append(text, from, text.length());
		return new Redaction(redacted.toString(), entities);
	}

}
