package io.llmobs.core;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Writes an attribute of llmobs's own on the span of an observation, from an
 * {@code ObservationFilter}. When Micrometer Tracing made a span of the observation, the
 * attribute goes straight onto it: as a key value it would be stored in the observation,
 * merged with all others and copied onto the span when the observation stops, which on a
 * model span also grows the observation's map past its first table. Without a span, it
 * becomes a high-cardinality key value, so a span made of it by any other handler still
 * carries it. Any other name, such as a semantic convention's ({@code gen_ai.*}), also
 * becomes a key value when the observation already has one of that name, which the tracer
 * would otherwise write over ours when the observation stops. llmobs's own names
 * ({@code llmobs.*}) are not looked up (two map look-ups per attribute and call saved):
 * no Spring AI convention carries them, and a key value of that name that the application
 * itself adds wins.
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
	 * Sets a string attribute that the observation's convention may already carry as a
	 * key value: where it does, as a high-cardinality key value, which the tracer writes
	 * over the convention's (none when the convention's value is the same); where it does
	 * not, as {@link #set(Observation.Context, SpanAttributeKey, String)} does.
	 * @param context the observation, before its handlers are told that it stopped
	 * @param key the attribute's name
	 * @param value its value
	 */
	public static void replace(Observation.Context context, SpanAttributeKey key, String value) {
		KeyValue present = keyValue(context, key.name());
		if (present == null) {
			if (!SpanPresence.tag(context, key, value)) {
				context.addHighCardinalityKeyValue(KeyValue.of(key.name(), value));
			}
		}
		else if (!present.getValue().equals(value)) {
			context.addHighCardinalityKeyValue(KeyValue.of(key.name(), value));
		}
	}

	/**
	 * The observation's key value of that name, high cardinality first.
	 * @param context the observation
	 * @param name the key value's name
	 * @return the key value, or {@code null} when the observation has none of that name
	 */
	public static @Nullable KeyValue keyValue(Observation.Context context, String name) {
		KeyValue keyValue = context.getHighCardinalityKeyValue(name);
		return (keyValue != null) ? keyValue : context.getLowCardinalityKeyValue(name);
	}

	/**
	 * Whether the observation may have a key value of the attribute's name, which the
	 * tracer would write over ours: never one of llmobs's own names.
	 */
	private static boolean isKeyValue(Observation.Context context, SpanAttributeKey key) {
		return !key.isLlmobsOwn() && keyValue(context, key.name()) != null;
	}

}
