package io.llmobs.chat;

import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Attributes every observed {@code ChatClient} call when it starts (stage and tenant, resolved once and shared with
 * its model calls) and records {@code llmobs.chat} for {@code call()}; streams are recorded by
 * {@link ChatClientStreamAdvisor}, which sees their chunks and cancellation.
 */
public final class ChatClientMetricsHandler implements ObservationHandler<ChatClientObservationContext> {

	private final CallAttributionResolver attributionResolver;

	private final BoundedTagValues models;

	private final ChatMeters meters;

	private final InstrumentationErrors errors;

	private final Clock clock;

	/**
	 * Creates the handler.
	 * @param attributionResolver resolves stage and tenant
	 * @param models bounded model tag values
	 * @param meters the chat meters
	 * @param errors where failures inside llmobs are reported
	 * @param clock the clock of the meter registry
	 */
	public ChatClientMetricsHandler(CallAttributionResolver attributionResolver, BoundedTagValues models,
			ChatMeters meters, InstrumentationErrors errors, Clock clock) {
		this.attributionResolver = attributionResolver;
		this.models = models;
		this.meters = meters;
		this.errors = errors;
		this.clock = clock;
	}

	@Override
	public void onStart(ChatClientObservationContext context) {
		try {
			context.put(ChatCall.class, new ChatCall(this.attributionResolver.resolve(context.getRequest().context()),
					ObservationAncestry.findContext(context, LlmTaskContext.class), this.clock.monotonicTime()));
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.CHAT_CLIENT, ex);
		}
	}

	@Override
	public void onStop(ChatClientObservationContext context) {
		if (context.isStream()) {
			return;
		}
		try {
			ChatCall call = context.get(ChatCall.class);
			if (call != null) {
				ChatClientResponse response = context.getResponse();
				ChatOutcome outcome = (context.getError() != null) ? ChatOutcome.ERROR : ChatOutcome.SUCCESS;
				this.meters.recordChat(
						call.model(this.models, context.getRequest(),
								(response != null) ? response.chatResponse() : null),
						call.provider(), call.attribution(), outcome, this.clock.monotonicTime() - call.startNanos());
			}
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.CHAT_CLIENT, ex);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext;
	}

}
