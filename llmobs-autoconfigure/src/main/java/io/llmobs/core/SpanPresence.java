package io.llmobs.core;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Tells whether Micrometer Tracing made a span of an observation, so span attributes are
 * only computed for spans. Without Micrometer Tracing on the class path every observation
 * counts as having one (another handler may export it).
 */
public final class SpanPresence {

	private static final boolean TRACING_PRESENT = ClassUtils
		.isPresent("io.micrometer.tracing.handler.TracingObservationHandler", SpanPresence.class.getClassLoader());

	private SpanPresence() {
	}

	/**
	 * Whether the observation has a span to carry attributes.
	 * @param context the observation context
	 * @return {@code true} when Micrometer Tracing made a span of it, or is not on the
	 * class path
	 */
	public static boolean hasSpan(Observation.Context context) {
		return !TRACING_PRESENT || MicrometerTracing.hasTracingContext(context);
	}

	/**
	 * The trace id of the span Micrometer Tracing made of the observation.
	 * @param context the observation context
	 * @return the trace id, or {@code null} when there is no such span (or no Micrometer
	 * Tracing)
	 */
	public static @Nullable String traceId(Observation.Context context) {
		return TRACING_PRESENT ? MicrometerTracing.traceId(context) : null;
	}

	/**
	 * Sets a string attribute on the span Micrometer Tracing made of the observation.
	 * @param context the observation context
	 * @param key the attribute's name
	 * @param value its value
	 * @return {@code false} when there is no such span (or no Micrometer Tracing):
	 * nothing was set
	 */
	static boolean tag(Observation.Context context, String key, String value) {
		return TRACING_PRESENT && MicrometerTracing.tag(context, key, value);
	}

	/**
	 * Sets an integer attribute, as {@link #tag(Observation.Context, String, String)}
	 * does a string.
	 * @param context the observation context
	 * @param key the attribute's name
	 * @param value its value
	 * @return {@code false} when nothing was set
	 */
	static boolean tag(Observation.Context context, String key, long value) {
		return TRACING_PRESENT && MicrometerTracing.tag(context, key, value);
	}

	/**
	 * Sets a floating-point attribute, as
	 * {@link #tag(Observation.Context, String, String)} does a string.
	 * @param context the observation context
	 * @param key the attribute's name
	 * @param value its value
	 * @return {@code false} when nothing was set
	 */
	static boolean tag(Observation.Context context, String key, double value) {
		return TRACING_PRESENT && MicrometerTracing.tag(context, key, value);
	}

	/**
	 * Kept apart so that Micrometer Tracing is only loaded when present. Its typed
	 * {@code tag} methods keep the type on OpenTelemetry spans; other tracers get the
	 * value's string.
	 */
	private static final class MicrometerTracing {

		static boolean hasTracingContext(Observation.Context context) {
			return context.get(TracingObservationHandler.TracingContext.class) != null;
		}

		static @Nullable String traceId(Observation.Context context) {
			Span span = span(context);
			return (span != null) ? span.context().traceId() : null;
		}

		static boolean tag(Observation.Context context, String key, String value) {
			Span span = span(context);
			if (span == null) {
				return false;
			}
			span.tag(key, value);
			return true;
		}

		static boolean tag(Observation.Context context, String key, long value) {
			Span span = span(context);
			if (span == null) {
				return false;
			}
			span.tag(key, value);
			return true;
		}

		static boolean tag(Observation.Context context, String key, double value) {
			Span span = span(context);
			if (span == null) {
				return false;
			}
			span.tag(key, value);
			return true;
		}

		private static @Nullable Span span(Observation.Context context) {
			TracingObservationHandler.TracingContext tracing = context
				.get(TracingObservationHandler.TracingContext.class);
			return (tracing != null) ? tracing.getSpan() : null;
		}

	}

}
