package io.llmobs.core;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;

/**
 * Writes an attribute of llmobs's own on the span of an observation, from an
 * {@code ObservationFilter}. When Micrometer Tracing made a span of the observation, the
 * attribute goes straight onto it: as a key value it would be stored in the observation,
 * merged with all others and copied onto the span when the observation stops, which on a
 * model span also grows the observation's map past its first table. Without a span, or
 * when the observation already has a key value of that name (the tracer would write it
 * over ours), it becomes a high-cardinality key value, so a span made of it by any other
 * handler still carries it.
 */
public final class SpanAttributeWriter {

	private SpanAttributeWriter() {
	}

	/**
	 * Sets a string attribute on the observation's span.
	 * @param context the observation, before its handlers are told that it stopped
	 * @param key the attribute's name
	 * @param value its value
	 */
	public static void set(Observation.Context context, SpanAttributeKey key, String value) {
		if (isKeyValue(context, key) || !SpanPresence.tag(context, key, value)) {
			context.addHighCardinalityKeyValue(KeyValue.of(key.name(), value));
		}
	}

	/**
	 * Sets an integer attribute on the observation's span, typed as such, so a trace
	 * back-end can compare it as a number; as a key value it can only be its decimal
	 * string.
	 * @param context the observation, before its handlers are told that it stopped
	 * @param key the attribute's name
	 * @param value its value
	 */
	public static void set(Observation.Context context, SpanAttributeKey key, long value) {
		if (isKeyValue(context, key) || !SpanPresence.tag(context, key, value)) {
			context.addHighCardinalityKeyValue(KeyValue.of(key.name(), Long.toString(value)));
		}
	}

	/**
	 * Sets a floating-point attribute on the observation's span, typed as such, so a
	 * trace back-end can compare it as a number; as a key value it can only be its
	 * string.
	 * @param context the observation, before its handlers are told that it stopped
	 * @param key the attribute's name
	 * @param value its value
	 */
	public static void set(Observation.Context context, SpanAttributeKey key, double value) {
		if (isKeyValue(context, key) || !SpanPresence.tag(context, key, value)) {
			context.addHighCardinalityKeyValue(KeyValue.of(key.name(), Double.toString(value)));
		}
	}

	/**
	 * Whether the observation has the key value, which the tracer would write over ours.
	 */
	private static boolean isKeyValue(Observation.Context context, SpanAttributeKey key) {
		return context.getHighCardinalityKeyValue(key.name()) != null
				|| context.getLowCardinalityKeyValue(key.name()) != null;
	}

}
