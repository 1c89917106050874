package io.llmobs.autoconfigure.semconv;

import io.llmobs.semconv.SemanticConventionSpanFilter;
import io.micrometer.tracing.exporter.SpanFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsSemconvAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmObsSemconvAutoConfiguration.class));

	@Test
	void exportedSpansGetRegistryNamesByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SemanticConventionSpanFilter.class);
			assertThat(context.getBean(LlmObsSemconvProperties.class).isLegacyAttributes()).isFalse();
		});
	}

	@Test
	void legacyAttributesCanBeKept() {
		this.runner.withPropertyValues("llmobs.semconv.legacy-attributes=true")
			.run((context) -> assertThat(context.getBean(LlmObsSemconvProperties.class).isLegacyAttributes()).isTrue());
	}

	@Test
	void userFilterReplacesIt() {
		SemanticConventionSpanFilter own = new SemanticConventionSpanFilter(true);
		this.runner.withBean(SemanticConventionSpanFilter.class, () -> own)
			.run((context) -> assertThat(context.getBean(SemanticConventionSpanFilter.class)).isSameAs(own));
	}

	@Test
	void offWithLlmObsOrWithoutMicrometerTracing() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SemanticConventionSpanFilter.class));
		this.runner.withClassLoader(new FilteredClassLoader(SpanFilter.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SemanticConventionSpanFilter.class));
	}

}
