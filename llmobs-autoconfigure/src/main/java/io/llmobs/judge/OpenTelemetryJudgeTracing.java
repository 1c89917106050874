package io.llmobs.judge;

import io.llmobs.core.ObservationAncestry;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Judgement spans through the OpenTelemetry API, children of the judged call's span that
 * Micrometer Tracing started; the evaluation events carry their attributes, which
 * Micrometer Tracing's events cannot.
 */
public final class OpenTelemetryJudgeTracing implements JudgeTracing {

	private static final AttributeKey<String> OPERATION = AttributeKey.stringKey(JudgeSpanAttributes.OPERATION_NAME);

	private static final AttributeKey<String> NAME = AttributeKey.stringKey(JudgeSpanAttributes.EVALUATION_NAME);

	private static final AttributeKey<Double> SCORE = AttributeKey.doubleKey(JudgeSpanAttributes.EVALUATION_SCORE);

	private static final AttributeKey<String> LABEL = AttributeKey.stringKey(JudgeSpanAttributes.EVALUATION_LABEL);

	private static final AttributeKey<String> EXPLANATION = AttributeKey
		.stringKey(JudgeSpanAttributes.EVALUATION_EXPLANATION);

	private static final AttributeKey<String> CATEGORY = AttributeKey.stringKey(JudgeSpanAttributes.FAILURE_CATEGORY);

	private final Tracer tracer;

	/**
	 * Creates the tracing.
	 * @param tracer the application's OpenTelemetry tracer
	 */
	public OpenTelemetryJudgeTracing(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public @Nullable TraceParent capture(Observation.@Nullable ContextView observation) {
		TracingObservationHandler.TracingContext tracing = ObservationAncestry.find(observation,
				TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		if (span == null || span.isNoop()) {
			return null;
		}
		TraceContext context = span.context();
		return new TraceParent(context.traceId(), context.spanId(), Boolean.TRUE.equals(context.sampled()));
	}

	@Override
	public JudgeSpan start(@Nullable TraceParent parent, String name) {
		Context parentContext = Context.root();
		if (parent != null) {
			parentContext = parentContext.with(io.opentelemetry.api.trace.Span.wrap(SpanContext.create(parent.traceId(),
					parent.spanId(), parent.sampled() ? TraceFlags.getSampled() : TraceFlags.getDefault(),
					TraceState.getDefault())));
		}
		io.opentelemetry.api.trace.Span span = this.tracer.spanBuilder(name)
			.setParent(parentContext)
			.setAttribute(OPERATION, "evaluate")
			.startSpan();
		return new OpenTelemetryJudgeSpan(span, span.makeCurrent());
	}

	private static final class OpenTelemetryJudgeSpan implements JudgeSpan {

		private final io.opentelemetry.api.trace.Span span;

		private final Scope scope;

		OpenTelemetryJudgeSpan(io.opentelemetry.api.trace.Span span, Scope scope) {
			this.span = span;
			this.scope = scope;
		}

		@Override
		public void verdict(JudgeVerdict verdict) {
			verdict.scores()
				.forEach((criterion, score) -> this.span.addEvent(JudgeMetricNames.EVALUATION_EVENT, Attributes.of(NAME,
						criterion, SCORE, score, LABEL, verdict.label(), EXPLANATION, verdict.explanation())));
			if (verdict.category() != null) {
				this.span.setAttribute(CATEGORY, verdict.category().tagValue());
			}
		}

		@Override
		public void failed(JudgeOutcome outcome) {
			this.span.setStatus(StatusCode.ERROR, outcome.tagValue());
		}

		@Override
		public void close() {
			this.scope.close();
			this.span.end();
		}

	}

}
