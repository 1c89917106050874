package io.llmobs.redact;

import java.util.List;

/**
 * A text with its PII replaced by placeholders.
 *
 * @param text the redacted text
 * @param entities what was replaced, positions in the original text
 */
public record Redaction(String text, List<PiiEntity> entities) {

}
