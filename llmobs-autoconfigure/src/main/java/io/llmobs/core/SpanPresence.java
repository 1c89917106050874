package io.llmobs.core;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.common.AttributeKey;
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

	private static final boolean OPEN_TELEMETRY_BRIDGE_PRESENT = ClassUtils
		.isPresent("io.micrometer.tracing.otel.bridge.OtelSpan", SpanPresence.class.getClassLoader());

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
	 * Holds back the end of the span that Micrometer Tracing made of a stopping
	 * observation: the span ends once its tracing handler ended it and the hold is
	 * released, whichever comes last, so that what is known only later still reaches it.
	 * @param context an observation being stopped, before its tracing handler's stop
	 * (from an {@code ObservationFilter})
	 * @return the hold, or {@code null} when the observation has no span (or there is no
	 * Micrometer Tracing)
	 */
	public static @Nullable HeldSpanEnd holdEnd(Observation.Context context) {
		return TRACING_PRESENT ? MicrometerTracing.holdEnd(context) : null;
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
	static boolean tag(Observation.Context context, SpanAttributeKey key, String value) {
		return TRACING_PRESENT && MicrometerTracing.tag(context, key, value);
	}

	/**
	 * Sets an integer attribute, as
	 * {@link #tag(Observation.Context, SpanAttributeKey, String)} does a string.
	 * @param context the observation context
	 * @param key the attribute's name
	 * @param value its value
	 * @return {@code false} when nothing was set
	 */
	static boolean tag(Observation.Context context, SpanAttributeKey key, long value) {
		return TRACING_PRESENT && MicrometerTracing.tag(context, key, value);
	}

	/**
	 * Sets a floating-point attribute, as
	 * {@link #tag(Observation.Context, SpanAttributeKey, String)} does a string.
	 * @param context the observation context
	 * @param key the attribute's name
	 * @param value its value
	 * @return {@code false} when nothing was set
	 */
	static boolean tag(Observation.Context context, SpanAttributeKey key, double value) {
		return TRACING_PRESENT && MicrometerTracing.tag(context, key, value);
	}

	/** The end of a span held back by {@link SpanPresence#holdEnd}. */
	public interface HeldSpanEnd {

		/**
		 * Lets the span end, running an action first that may still write to it: now when
		 * its tracing handler ended it already, else when the handler ends it. The
		 * high-cardinality key values of the observation, which the action may have
		 * changed, are written onto the span again after it.
		 * @param beforeEnd what to do before the span ends, once
		 */
		void release(Runnable beforeEnd);

	}

	/**
	 * Kept apart so that Micrometer Tracing is only loaded when present. Its typed
	 * {@code tag} methods keep the type on OpenTelemetry spans; other tracers get the
	 * value's string.
	 */
	private static final class MicrometerTracing {

		static @Nullable HeldSpanEnd holdEnd(Observation.Context context) {
			TracingObservationHandler.TracingContext tracing = context
				.get(TracingObservationHandler.TracingContext.class);
			Span span = (tracing != null) ? tracing.getSpan() : null;
			if (tracing == null || span == null) {
				return null;
			}
			HeldEndSpan held = new HeldEndSpan(span, context);
			tracing.setSpan(held);
			return held;
		}

		static boolean hasTracingContext(Observation.Context context) {
			return context.get(TracingObservationHandler.TracingContext.class) != null;
		}

		static @Nullable String traceId(Observation.Context context) {
			Span span = span(context);
			return (span != null) ? span.context().traceId() : null;
		}

		static boolean tag(Observation.Context context, SpanAttributeKey key, String value) {
			Span span = span(context);
			if (span == null) {
				return false;
			}
			SpanAttributeKey.OpenTelemetryKeys keys = openTelemetryKeys(span, key);
			if (keys != null) {
				OpenTelemetryBridge.set(span, keys.string, value);
			}
			else {
				span.tag(key.name(), value);
			}
			return true;
		}

		static boolean tag(Observation.Context context, SpanAttributeKey key, long value) {
			Span span = span(context);
			if (span == null) {
				return false;
			}
			SpanAttributeKey.OpenTelemetryKeys keys = openTelemetryKeys(span, key);
			if (keys != null) {
				OpenTelemetryBridge.set(span, keys.integer, value);
			}
			else {
				span.tag(key.name(), value);
			}
			return true;
		}

		static boolean tag(Observation.Context context, SpanAttributeKey key, double value) {
			Span span = span(context);
			if (span == null) {
				return false;
			}
			SpanAttributeKey.OpenTelemetryKeys keys = openTelemetryKeys(span, key);
			if (keys != null) {
				OpenTelemetryBridge.set(span, keys.floatingPoint, value);
			}
			else {
				span.tag(key.name(), value);
			}
			return true;
		}

		/**
		 * The keys made once, when the span is the OpenTelemetry bridge's: its
		 * {@code tag} would make a key of the name on every call.
		 */
		private static SpanAttributeKey.@Nullable OpenTelemetryKeys openTelemetryKeys(Span span, SpanAttributeKey key) {
			return (OPEN_TELEMETRY_BRIDGE_PRESENT && OpenTelemetryBridge.isBridged(span)) ? key.openTelemetry() : null;
		}

		private static @Nullable Span span(Observation.Context context) {
			TracingObservationHandler.TracingContext tracing = context
				.get(TracingObservationHandler.TracingContext.class);
			return (tracing != null) ? tracing.getSpan() : null;
		}

	}

	/**
	 * Kept apart so that the OpenTelemetry bridge of Micrometer Tracing is only loaded
	 * when present; sets an attribute as the bridge's {@code Span.tag} does, with a key
	 * made once.
	 */
	private static final class OpenTelemetryBridge {

		static boolean isBridged(Span span) {
			return span instanceof OtelSpan;
		}

		static <T> void set(Span span, AttributeKey<T> key, T value) {
			OtelSpan.toOtel(span).setAttribute(key, value);
		}

	}

}
