package io.llmobs.conversation;

import java.time.Duration;

import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextAccountant;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Conversations, built once: hands out the store of recent conversations, the observation
 * handler and the span filter as the types Micrometer takes, so that turns and totals
 * stay inside this package.
 */
public final class ConversationInstrumentation {

	/**
	 * Where conversation tracking reports failures in
	 * {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component(
			"conversations");

	private final Conversations conversations;

	private final ObservationHandler<Observation.Context> observationHandler;

	private final ObservationFilter spanEnricher;

	/**
	 * Creates the instrumentation.
	 * @param maxTracked conversations kept at most
	 * @param expireAfterIdle how long a conversation without a turn is kept
	 * @param top how many of the costliest conversations the endpoint lists
	 * @param modelCalls the model-call accounting: tokens, cost, model and stage
	 * @param accountant the context accounting, or {@code null} when it is off (no
	 * utilization or history share then)
	 * @param meterRegistry where {@code llmobs.conversation.history.ratio} is registered;
	 * its clock dates the turns and expires conversations
	 * @param errors where failures inside llmobs are reported
	 */
	public ConversationInstrumentation(long maxTracked, Duration expireAfterIdle, int top,
			ModelCallAccounting modelCalls, @Nullable ContextAccountant accountant, MeterRegistry meterRegistry,
			InstrumentationErrors errors) {
		this.conversations = new Conversations(maxTracked, expireAfterIdle, top, meterRegistry.config().clock());
		this.observationHandler = new ConversationObservationHandler(this.conversations, modelCalls, accountant,
				new ConversationMeters(meterRegistry), errors);
		this.spanEnricher = new ConversationSpanEnricher(accountant, errors);
	}

	/**
	 * The recent conversations, for the actuator endpoint.
	 * @return the conversations
	 */
	public Conversations conversations() {
		return this.conversations;
	}

	/**
	 * Counts the turns of conversations and adds their model calls up.
	 * @return the handler of {@code ChatClient} and model-call observations
	 */
	public ObservationHandler<Observation.Context> observationHandler() {
		return this.observationHandler;
	}

	/**
	 * Adds the conversation id, turn and history share to the spans.
	 * @return the filter
	 */
	public ObservationFilter spanEnricher() {
		return this.spanEnricher;
	}

}
