package io.llmobs.console;

import io.llmobs.chat.ModelCall;
import io.llmobs.context.ContextAccount;
import org.jspecify.annotations.Nullable;

/**
 * One model call in the ring, as references to what llmobs accounted for it anyway: the
 * page's figures are derived from them when it is read, not on the request path.
 *
 * @param epochMillis when the call started
 * @param durationNanos how long it took
 * @param call the model-call accounting
 * @param context the context-window accounting, {@code null} when it is off
 * @param failed whether the call ended with an error
 * @param traceId the trace of the call, {@code null} without a span
 * @param content the content as exported on the span, {@code null} unless capture is on
 */
record RecentCall(long epochMillis, long durationNanos, ModelCall call, @Nullable ContextAccount context,
		boolean failed, @Nullable String traceId, ConsoleSnapshot.@Nullable Content content) {

}
