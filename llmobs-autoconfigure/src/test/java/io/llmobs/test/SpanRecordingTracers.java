package io.llmobs.test;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * OpenTelemetry SDK tracer providers for unit tests that make spans without an
 * application around them.
 */
public final class SpanRecordingTracers {

	private SpanRecordingTracers() {
	}

	/**
	 * A provider with a span processor, as every application has (Spring Boot's batch
	 * span processor): from OpenTelemetry SDK 1.68, a provider without one makes no spans
	 * at all (every span invalid, no trace id, nothing to propagate).
	 * @return the provider; close it after the test
	 */
	public static SdkTracerProvider withProcessor() {
		return SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create()))
			.build();
	}

}
