package io.llmobs.chat;

import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Attributes every observed {@code ChatClient} call when it starts (stage and tenant,
 * resolved once and shared with its model calls) and records {@code llmobs.chat} for
 * {@code call()}; streams are recorded by {@link ChatClientStreamAdvisor}, which sees
 * their chunks and cancellation.
 */
final class ChatClientMetricsHandler implements ObservationHandler<ChatClientObservationContext> {

	private final ChatCallRecorder recorder;

	/**
	 * Creates the handler.
	 * @param recorder starts and records the calls
	 */
	ChatClientMetricsHandler(ChatCallRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void onStart(ChatClientObservationContext context) {
		context.put(ChatCall.class, this.recorder.start(context.getRequest().context(), context));
	}

	@Override
	public void onStop(ChatClientObservationContext context) {
		ChatCall call = context.get(ChatCall.class);
		if (call != null && !context.isStream()) {
			ChatClientResponse response = context.getResponse();
			Throwable error = context.getError();
			this.recorder.finish(call, context.getRequest(), (response != null) ? response.chatResponse() : null,
					(response != null) ? response.context() : Map.of(), null,
					(error != null) ? ChatOutcome.ERROR : ChatOutcome.SUCCESS, error, context);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext;
	}

}
