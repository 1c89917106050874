package io.llmobs.feedback;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.chat.ChatCalls;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.judge.FailureCategory;
import io.llmobs.judge.FailureRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where the application's own guardrails report their verdicts:
 * {@code llmobs.guardrail{guardrail,verdict}}. A block is tied to the current call
 * (inside a {@code ChatClient} call, such as from an advisor) or else to the current
 * trace, so that later feedback {@code edited} or {@code thumbs_down} on it counts a
 * false positive. A block is also a {@code safety} failure in {@code llmobs.failures}:
 * once for the {@code ChatClient} call it was reported in, when that call ends, else once
 * per block, at the default stage.
 */
public final class Guardrails {

	private final MeterRegistry registry;

	private final ObservationRegistry observationRegistry;

	private final BoundedTagValues guardrails;

	private final @Nullable Interactions interactions;

	private final InstrumentationErrors errors;

	private final @Nullable FailureRecorder failures;

	private final String defaultStage;

	/**
	 * Creates the recorder.
	 * @param registry where the meters are registered
	 * @param observationRegistry where the current call and trace are found
	 * @param guardrails bounded guardrail tag values
	 * @param interactions the recent interactions, or {@code null} when feedback is off
	 * @param errors where failures are reported
	 * @param failures where a block outside any {@code ChatClient} call counts as a
	 * {@code safety} failure, or {@code null} for nowhere
	 * @param defaultStage the stage of a block outside any {@code ChatClient} call
	 */
	public Guardrails(MeterRegistry registry, ObservationRegistry observationRegistry, BoundedTagValues guardrails,
			@Nullable Interactions interactions, InstrumentationErrors errors, @Nullable FailureRecorder failures,
			String defaultStage) {
		this.registry = registry;
		this.observationRegistry = observationRegistry;
		this.guardrails = guardrails;
		this.interactions = interactions;
		this.errors = errors.register(FeedbackRecorder.COMPONENT);
		this.failures = failures;
		this.defaultStage = defaultStage;
	}

	/**
	 * Records a verdict of a guardrail on the current request.
	 * @param guardrail the guardrail's name, a bounded tag value
	 * @param verdict what it decided
	 */
	public void record(String guardrail, GuardrailVerdict verdict) {
		// Spelled out: a lambda over the guardrail and its verdict would allocate on
		// every verdict of a request.
		try {
			String name = this.guardrails.bound(guardrail);
			Counter.builder(FeedbackMetricNames.GUARDRAIL)
				.description("Verdicts of the application's guardrails")
				.tag("guardrail", name)
				.tag("verdict", verdict.tagValue())
				.register(this.registry)
				.increment();
			if (verdict == GuardrailVerdict.BLOCK) {
				blocked(name);
			}
		}
		catch (RuntimeException ex) {
			this.errors.record(FeedbackRecorder.COMPONENT, ex);
		}
	}

	/**
	 * Ties a block to the current request, and counts it as a {@code safety} failure:
	 * through the enclosing call, which counts it once when it ends, else here.
	 */
	private void blocked(String guardrail) {
		Observation current = this.observationRegistry.getCurrentObservation();
		Observation.@Nullable ContextView context = (current != null) ? current.getContextView() : null;
		if (this.interactions != null) {
			this.interactions.of(context).blockedBy(guardrail);
		}
		if (!ChatCalls.guardrailBlocked(context) && this.failures != null) {
			this.failures.record(FailureCategory.SAFETY, this.defaultStage);
		}
	}

}
