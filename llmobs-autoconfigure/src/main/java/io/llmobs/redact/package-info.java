/**
 * PII detection and redaction: a one-pass scanner with one recognizer per built-in type
 * (e-mail addresses, phone numbers, payment cards, IBANs, US social security numbers, IP
 * addresses and secrets), user-defined patterns, and the PII entity counter. Free of
 * Spring.
 */
@NullMarked
package io.llmobs.redact;

import org.jspecify.annotations.NullMarked;
