/**
 * Auto-configuration of content capture, PII counts and the redaction of Spring AI's
 * content attributes.
 */
@NullMarked
package io.llmobs.autoconfigure.capture;

import org.jspecify.annotations.NullMarked;
