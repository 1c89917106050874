package io.llmobs.judge;

/**
 * The span of a judged call, captured when the judgement is queued, so that its
 * evaluation lands in the same trace.
 *
 * @param traceId the trace id, hex
 * @param spanId the span id, hex
 * @param sampled whether the trace is sampled
 */
record TraceParent(String traceId, String spanId, boolean sampled) {
}
