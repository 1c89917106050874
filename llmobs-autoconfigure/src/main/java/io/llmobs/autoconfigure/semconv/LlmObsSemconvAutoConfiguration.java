package io.llmobs.autoconfigure.semconv;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.semconv.SemanticConventionSpanFilter;
import io.micrometer.tracing.exporter.SpanFilter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the
 * {@link SemanticConventionSpanFilter}, which Spring Boot applies to every span it
 * exports through Micrometer Tracing's exporters.
 */
@AutoConfiguration(after = LlmObsAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnClass(SpanFilter.class)
@EnableConfigurationProperties(LlmObsSemconvProperties.class)
public final class LlmObsSemconvAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SemanticConventionSpanFilter llmObsSemanticConventionSpanFilter(LlmObsSemconvProperties properties) {
		return new SemanticConventionSpanFilter(properties.isLegacyAttributes());
	}

}
