package io.llmobs.test;

import java.util.List;

import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;

/**
 * The auto-configurations that trace an application over the OpenTelemetry SDK, in Spring
 * Boot 3.5's actuator: an application without them has no tracer, as one without a
 * tracing bridge. The no-op tracer's is among them: Boot 3.5 makes its meter observation
 * handler tracing-aware whenever there is a tracer, the no-op one included, and that
 * handler fails every observation without the tracing handler.
 */
public final class TracingAutoConfigurations {

	/** Their class names, for {@code spring.autoconfigure.exclude}. */
	public static final List<String> NAMES = List.of(MicrometerTracingAutoConfiguration.class.getName(),
			OpenTelemetryTracingAutoConfiguration.class.getName(), NoopTracerAutoConfiguration.class.getName());

	private TracingAutoConfigurations() {
	}

}
