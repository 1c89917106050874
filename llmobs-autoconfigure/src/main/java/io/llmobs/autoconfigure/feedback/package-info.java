/**
 * Auto-configuration of guardrail verdicts and user feedback.
 */
@NullMarked
package io.llmobs.autoconfigure.feedback;

import org.jspecify.annotations.NullMarked;
