package io.llmobs.autoconfigure.semconv;

import io.llmobs.semconv.SemanticConventionSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanExporters;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsSemconvAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmObsSemconvAutoConfiguration.class));

	@Test
	void everySpanExporterIsWrappedAndRegistryNamesAreTheDefault() {
		this.runner.withBean(InMemorySpanExporter.class, InMemorySpanExporter::create).run((context) -> {
			assertThat(context.getBean(SpanExporters.class).list()).singleElement()
				.isInstanceOf(SemanticConventionSpanExporter.class);
			assertThat(context).hasSingleBean(InMemorySpanExporter.class);
			assertThat(context.getBean(LlmObsSemconvProperties.class).isLegacyAttributes()).isFalse();
		});
	}

	@Test
	void legacyAttributesCanBeKept() {
		this.runner.withPropertyValues("llmobs.semconv.legacy-attributes=true")
			.run((context) -> assertThat(context.getBean(LlmObsSemconvProperties.class).isLegacyAttributes()).isTrue());
	}

	@Test
	void applicationSpanExportersAreKept() {
		SpanExporters own = SpanExporters.of(InMemorySpanExporter.create());
		this.runner.withBean(SpanExporters.class, () -> own)
			.run((context) -> assertThat(context.getBean(SpanExporters.class)).isSameAs(own));
	}

	@Test
	void offWithLlmObsOrWithoutOpenTelemetryTracing() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpanExporters.class));
		this.runner.withClassLoader(new FilteredClassLoader(SpanExporter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpanExporters.class));
	}

}
