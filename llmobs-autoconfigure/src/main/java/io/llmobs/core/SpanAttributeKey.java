package io.llmobs.core;

import io.opentelemetry.api.common.AttributeKey;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The name of an attribute that llmobs writes on spans ({@link SpanAttributeWriter}),
 * with the OpenTelemetry keys of that name made once: through Micrometer Tracing's
 * {@code Span.tag} the OpenTelemetry bridge makes a new key for every attribute of every
 * span.
 */
public final class SpanAttributeKey {

	private static final boolean OPEN_TELEMETRY_PRESENT = ClassUtils
		.isPresent("io.opentelemetry.api.common.AttributeKey", SpanAttributeKey.class.getClassLoader());

	private static final String OWN_PREFIX = "llmobs.";

	private final String name;

	private final @Nullable OpenTelemetryKeys openTelemetry;

	private final boolean llmobsOwn;

	private SpanAttributeKey(String name) {
		this.name = name;
		this.llmobsOwn = name.startsWith(OWN_PREFIX);
		this.openTelemetry = OPEN_TELEMETRY_PRESENT ? new OpenTelemetryKeys(name) : null;
	}

	/**
	 * The key of an attribute name; make it once, as a constant.
	 * @param name the attribute's name
	 * @return the key
	 */
	public static SpanAttributeKey of(String name) {
		return new SpanAttributeKey(name);
	}

	/**
	 * The attribute's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether the name is one of llmobs's own ({@code llmobs.*}), which no Spring AI
	 * convention carries.
	 * @return true for a name under {@code llmobs.}
	 */
	boolean isLlmobsOwn() {
		return this.llmobsOwn;
	}

	/** The OpenTelemetry keys, {@code null} without OpenTelemetry on the class path. */
	@Nullable OpenTelemetryKeys openTelemetry() {
		return this.openTelemetry;
	}

	@Override
	public String toString() {
		return this.name;
	}

	/** Kept apart so that OpenTelemetry is only loaded when present. */
	static final class OpenTelemetryKeys {

		final AttributeKey<String> string;

		final AttributeKey<Long> integer;

		final AttributeKey<Double> floatingPoint;

		OpenTelemetryKeys(String name) {
			this.string = AttributeKey.stringKey(name);
			this.integer = AttributeKey.longKey(name);
			this.floatingPoint = AttributeKey.doubleKey(name);
		}

	}

}
