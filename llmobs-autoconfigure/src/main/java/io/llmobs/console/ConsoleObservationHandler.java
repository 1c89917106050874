package io.llmobs.console;

import io.llmobs.capture.ContentAttributes;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextAccount;
import io.llmobs.context.ContextAccountant;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SpanPresence;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Adds every model round trip that Spring AI observes to the {@link RecentCalls} ring
 * when it stops. The accounting it keeps is the one the metrics and spans were made of;
 * the content is what capture put on the span (redacted and cut), read after the
 * observation filters ran, and only when capture is on.
 */
final class ConsoleObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private final RecentCalls calls;

	private final ModelCallAccounting accounting;

	private final @Nullable ContextAccountant accountant;

	private final boolean content;

	private final Clock clock;

	private final InstrumentationErrors errors;

	ConsoleObservationHandler(RecentCalls calls, ModelCallAccounting accounting, @Nullable ContextAccountant accountant,
			boolean content, Clock clock, InstrumentationErrors errors) {
		this.calls = calls;
		this.accounting = accounting;
		this.accountant = accountant;
		this.content = content;
		this.clock = clock;
		this.errors = errors.register(LlmObsConsole.COMPONENT);
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		context.put(Start.class, new Start(this.clock.wallTime(), this.clock.monotonicTime()));
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		this.errors.run(LlmObsConsole.COMPONENT, this, context, ConsoleObservationHandler::record);
	}

	private void record(ChatModelObservationContext context) {
		Start start = context.get(Start.class);
		if (start == null) {
			return;
		}
		ContextAccount account = (this.accountant != null) ? this.accountant.account(context) : null;
		this.calls.add(new RecentCall(start.epochMillis(), this.clock.monotonicTime() - start.nanos(),
				this.accounting.account(context), account, context.getError() != null, SpanPresence.traceId(context),
				this.content ? content(context) : null));
	}

	private static ConsoleSnapshot.@Nullable Content content(Observation.Context context) {
		String system = value(context, ContentAttributes.SYSTEM_INSTRUCTIONS);
		String input = value(context, ContentAttributes.INPUT_MESSAGES);
		String output = value(context, ContentAttributes.OUTPUT_MESSAGES);
		return (system != null || input != null || output != null) ? new ConsoleSnapshot.Content(system, input, output)
				: null;
	}

	private static @Nullable String value(Observation.Context context, String key) {
		KeyValue keyValue = context.getHighCardinalityKeyValue(key);
		return (keyValue != null) ? keyValue.getValue() : null;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

	/**
	 * When a call started: the wall clock for the page, the monotonic clock to time it.
	 */
	private record Start(long epochMillis, long nanos) {

	}

}
