package io.llmobs.autoconfigure.semconv;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.semconv.SemanticConventionSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the exported spans' semantic
 * conventions: the {@link SpanExporters} that Spring Boot's OpenTelemetry tracing hands
 * its batch span processor, each of the application's {@link SpanExporter} beans (OTLP,
 * Zipkin, your own) wrapped in a {@link SemanticConventionSpanExporter}. It runs before
 * Boot's, whose own {@code SpanExporters} then backs off; an application that defines
 * {@code SpanExporters} itself keeps it, unwrapped.
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
@ConditionalOnLlmObsEnabled
@ConditionalOnClass({ SpanExporters.class, SpanExporter.class })
@EnableConfigurationProperties(LlmObsSemconvProperties.class)
public final class LlmObsSemconvAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpanExporters llmObsSemanticConventionSpanExporters(ObjectProvider<SpanExporter> exporters,
			LlmObsSemconvProperties properties) {
		return SpanExporters.of(exporters.orderedStream()
			.map((exporter) -> new SemanticConventionSpanExporter(exporter, properties.isLegacyAttributes()))
			.toList());
	}

}
