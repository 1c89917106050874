/**
 * Auto-configuration of PII redaction, PII counts and content capture.
 */
@NullMarked
package io.llmobs.autoconfigure.redact;

import org.jspecify.annotations.NullMarked;
