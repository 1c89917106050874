package io.llmobs.feedback;

import io.llmobs.chat.BoundedTagValues;
import io.llmobs.chat.InstrumentationErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where the application's own guardrails report their verdicts: {@code llmobs.guardrail{guardrail,verdict}}. A
 * block is tied to the current call (inside a {@code ChatClient} call, such as from an advisor) or else to the
 * current trace, so that later feedback {@code edited} or {@code thumbs_down} on it counts a false positive.
 */
public final class Guardrails {

	private final MeterRegistry registry;

	private final ObservationRegistry observationRegistry;

	private final BoundedTagValues guardrails;

	private final @Nullable Interactions interactions;

	private final InstrumentationErrors errors;

	/**
	 * Creates the recorder.
	 * @param registry where the meters are registered
	 * @param observationRegistry where the current call and trace are found
	 * @param guardrails bounded guardrail tag values
	 * @param interactions the recent interactions, or {@code null} when feedback is off
	 * @param errors where failures are reported
	 */
	public Guardrails(MeterRegistry registry, ObservationRegistry observationRegistry, BoundedTagValues guardrails,
			@Nullable Interactions interactions, InstrumentationErrors errors) {
		this.registry = registry;
		this.observationRegistry = observationRegistry;
		this.guardrails = guardrails;
		this.interactions = interactions;
		this.errors = errors;
	}

	/**
	 * Records a verdict of a guardrail on the current request.
	 * @param guardrail the guardrail's name, a bounded tag value
	 * @param verdict what it decided
	 */
	public void record(String guardrail, GuardrailVerdict verdict) {
		try {
			String name = this.guardrails.bound(guardrail);
			Counter.builder(FeedbackMetricNames.GUARDRAIL)
				.description("Verdicts of the application's guardrails")
				.tag("guardrail", name)
				.tag("verdict", verdict.tagValue())
				.register(this.registry)
				.increment();
			if (verdict == GuardrailVerdict.BLOCK && this.interactions != null) {
				Observation current = this.observationRegistry.getCurrentObservation();
				this.interactions.of((current != null) ? current.getContextView() : null).blockedBy(name);
			}
		}
		catch (RuntimeException ex) {
			this.errors.record(InstrumentationErrors.Component.FEEDBACK, ex);
		}
	}

}
