/**
 * What users and the application's guardrails say about chat calls: feedback outcomes,
 * time to good output, guardrail verdicts and the guardrail blocks that users overrode.
 */
@NullMarked
package io.llmobs.feedback;

import org.jspecify.annotations.NullMarked;
