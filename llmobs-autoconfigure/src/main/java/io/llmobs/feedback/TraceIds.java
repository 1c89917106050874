package io.llmobs.feedback;

import io.llmobs.core.ObservationAncestry;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The trace id of an observation, from the span Micrometer Tracing made of it or of the
 * nearest enclosing one; none without Micrometer Tracing.
 */
final class TraceIds {

	private static final boolean TRACING_PRESENT = ClassUtils
		.isPresent("io.micrometer.tracing.handler.TracingObservationHandler", TraceIds.class.getClassLoader());

	private TraceIds() {
	}

	static @Nullable String of(Observation.@Nullable ContextView context) {
		return (TRACING_PRESENT && context != null) ? MicrometerTracing.traceId(context) : null;
	}

	/** Kept apart so that Micrometer Tracing is only loaded when present. */
	private static final class MicrometerTracing {

		static @Nullable String traceId(Observation.ContextView context) {
			TracingObservationHandler.TracingContext tracing = ObservationAncestry.find(context,
					TracingObservationHandler.TracingContext.class);
			Span span = (tracing != null) ? tracing.getSpan() : null;
			String traceId = (span != null) ? span.context().traceId() : null;
			return (traceId == null || traceId.isEmpty()) ? null : traceId;
		}

	}

}
