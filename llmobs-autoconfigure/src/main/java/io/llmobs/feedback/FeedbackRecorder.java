package io.llmobs.feedback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records what users did with the output of a call, against the call's response id or
 * trace id: {@code llmobs.feedback{outcome,stage}}, the time to good output
 * {@code llmobs.ttgo{stage}} at the first {@code accepted}, and
 * {@code llmobs.guardrail.false.positive{guardrail}} when {@code edited} or
 * {@code thumbs_down} follows a guardrail block. Feedback on an unknown or expired id is
 * counted in {@code llmobs.feedback.unknown{outcome}}.
 */
public final class FeedbackRecorder {

	/**
	 * Where user feedback and guardrail verdicts report failures in
	 * {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("feedback");

	private final Interactions interactions;

	private final MeterRegistry registry;

	private final InstrumentationErrors errors;

	/**
	 * Creates the recorder.
	 * @param interactions the recent interactions
	 * @param registry where the meters are registered
	 * @param errors where failures are reported
	 */
	FeedbackRecorder(Interactions interactions, MeterRegistry registry, InstrumentationErrors errors) {
		this.interactions = interactions;
		this.registry = registry;
		this.errors = errors.register(COMPONENT);
	}

	/**
	 * Records feedback on a call.
	 * @param id the call's response id ({@code ChatResponse.getMetadata().getId()}) or
	 * trace id
	 * @param outcome what the user did
	 * @return {@code true} when the id is known; unknown ids are counted, not thrown
	 */
	public boolean record(String id, FeedbackOutcome outcome) {
		return this.errors.call(COMPONENT, () -> count(id, outcome), false);
	}

	private boolean count(String id, FeedbackOutcome outcome) {
		Interaction interaction = this.interactions.find(id);
		if (interaction == null) {
			Counter.builder(FeedbackMetricNames.FEEDBACK_UNKNOWN)
				.description("Feedback on ids that are unknown or expired")
				.tag("outcome", outcome.tagValue())
				.register(this.registry)
				.increment();
			return false;
		}
		String stage = interaction.stage();
		Counter.builder(FeedbackMetricNames.FEEDBACK)
			.description("Feedback of users on calls")
			.tag("outcome", outcome.tagValue())
			.tag("stage", stage)
			.register(this.registry)
			.increment();
		if (outcome == FeedbackOutcome.ACCEPTED && interaction.accept()) {
			Timer.builder(FeedbackMetricNames.TTGO)
				.description("Time to good output: from the request to its first accepted feedback")
				.tag("stage", stage)
				.publishPercentileHistogram()
				.minimumExpectedValue(Duration.ofMillis(100))
				.maximumExpectedValue(Duration.ofHours(1))
				.register(this.registry)
				.record(this.interactions.monotonicTime() - interaction.startNanos(), TimeUnit.NANOSECONDS);
		}
		if (outcome.overridesGuardrail()) {
			for (String guardrail : interaction.takeBlockedBy()) {
				Counter.builder(FeedbackMetricNames.GUARDRAIL_FALSE_POSITIVE)
					.description("Guardrail blocks that users overrode")
					.tag("guardrail", guardrail)
					.register(this.registry)
					.increment();
			}
		}
		return true;
	}

}
