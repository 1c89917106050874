package io.llmobs.feedback;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttribution;
import io.llmobs.chat.ChatCalls;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * Ties every {@code ChatClient} call to its interaction when it starts, and when it ends
 * notes the call's stage and makes its response id and trace id known to feedback. The
 * judge's own calls ({@link LlmObsParams#JUDGE_SKIP}) are not the user's: they run later
 * in the same trace and must not become the interaction's stage.
 */
final class FeedbackObservationHandler implements ObservationHandler<ChatClientObservationContext> {

	private final Interactions interactions;

	private final InstrumentationErrors errors;

	/**
	 * Creates the handler.
	 * @param interactions the recent interactions
	 * @param errors where failures are reported
	 */
	FeedbackObservationHandler(Interactions interactions, InstrumentationErrors errors) {
		this.interactions = interactions;
		this.errors = errors.register(FeedbackRecorder.COMPONENT);
	}

	@Override
	public void onStart(ChatClientObservationContext context) {
		this.errors.run(FeedbackRecorder.COMPONENT, this.interactions, context, FeedbackObservationHandler::begin);
	}

	@Override
	public void onStop(ChatClientObservationContext context) {
		this.errors.run(FeedbackRecorder.COMPONENT, this.interactions, context, FeedbackObservationHandler::register);
	}

	private static void begin(Interactions interactions, ChatClientObservationContext context) {
		context.put(Interaction.class, interactions.of(context));
	}

	private static void register(Interactions interactions, ChatClientObservationContext context) {
		Interaction interaction = context.get(Interaction.class);
		if (interaction == null) {
			return;
		}
		CallAttribution attribution = ChatCalls.attribution(context);
		interaction.stage((attribution != null) ? attribution.stage() : BoundedTagValues.NONE);
		ChatClientResponse response = context.getResponse();
		ChatResponse chatResponse = (response != null) ? response.chatResponse() : null;
		String responseId = (chatResponse != null) ? chatResponse.getMetadata().getId() : null;
		if (responseId != null && !responseId.isEmpty()) {
			interactions.register(responseId, interaction);
		}
		String traceId = TraceIds.of(context);
		if (traceId != null) {
			interactions.registerTrace(traceId, interaction);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatClientObservationContext chatClient
				&& !Boolean.TRUE.equals(chatClient.getRequest().context().get(LlmObsParams.JUDGE_SKIP));
	}

}
