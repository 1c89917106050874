package io.llmobs.feedback;

import java.time.Duration;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SharedValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * User feedback, built once from its settings: the recent interactions that feedback
 * refers to, the handler that records every {@code ChatClient} call among them, and the
 * {@link FeedbackRecorder} that takes the feedback.
 */
public final class FeedbackInstrumentation {

	private final Interactions interactions;

	private final InstrumentationErrors errors;

	private final FeedbackRecorder recorder;

	/**
	 * Creates the instrumentation.
	 * @param maxSize ids kept for feedback at most
	 * @param expireAfterWrite how long an id is kept after its call
	 * @param meterRegistry where {@code llmobs.feedback} and {@code llmobs.ttgo} are
	 * registered; its clock times them
	 * @param errors where failures inside llmobs are reported
	 * @param shared where ids are kept for every replica too, or {@code null} for this
	 * instance alone
	 */
	public FeedbackInstrumentation(long maxSize, Duration expireAfterWrite, MeterRegistry meterRegistry,
			InstrumentationErrors errors, @Nullable SharedValues shared) {
		Clock clock = meterRegistry.config().clock();
		this.interactions = new Interactions(maxSize, expireAfterWrite, clock, shared);
		this.errors = errors;
		this.recorder = new FeedbackRecorder(this.interactions, meterRegistry, errors);
	}

	/**
	 * The recent interactions, which guardrail verdicts are noted on too.
	 * @return the interactions
	 */
	public Interactions interactions() {
		return this.interactions;
	}

	/**
	 * The recorder of user feedback on the interactions.
	 * @return the recorder
	 */
	public FeedbackRecorder recorder() {
		return this.recorder;
	}

	/**
	 * The handler that ties every {@code ChatClient} call to its interaction.
	 * @return the handler
	 */
	public ObservationHandler<ChatClientObservationContext> observationHandler() {
		return new FeedbackObservationHandler(this.interactions, this.errors);
	}

}
