package io.llmobs.test;

import java.util.List;

import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;

/**
 * The auto-configurations that trace an application over the OpenTelemetry SDK, in Spring
 * Boot 4's modules: an application without them has no tracer, as one without a tracing
 * bridge.
 */
public final class TracingAutoConfigurations {

	/** Their class names, for {@code spring.autoconfigure.exclude}. */
	public static final List<String> NAMES = List.of(MicrometerTracingAutoConfiguration.class.getName(),
			OpenTelemetryTracingAutoConfiguration.class.getName());

	private TracingAutoConfigurations() {
	}

}
