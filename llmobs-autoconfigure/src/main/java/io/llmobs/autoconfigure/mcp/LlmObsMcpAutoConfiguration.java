package io.llmobs.autoconfigure.mcp;

import java.util.List;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.mcp.McpServerToolObservations;
import io.llmobs.mcp.McpToolCallObservationConvention;
import io.llmobs.mcp.TracePropagatingMcpMetaConverter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import org.springframework.ai.mcp.ToolContextToMcpMetaConverter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of trace propagation over the Model
 * Context Protocol: the tool calls of Spring AI's MCP clients carry the caller's trace
 * context and baggage in {@code params._meta}, and the tools of the application's MCP
 * server continue it in a {@code tools/call <tool>} span.
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty(name = "llmobs.mcp.enabled", matchIfMissing = true)
@ConditionalOnClass(McpSchema.class)
@ConditionalOnBean(InstrumentationErrors.class)
@EnableConfigurationProperties(LlmObsMcpProperties.class)
public final class LlmObsMcpAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ToolContextToMcpMetaConverter.class, Tracer.class })
	@ConditionalOnBean({ Tracer.class, Propagator.class })
	static class ClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(ToolContextToMcpMetaConverter.class)
		TracePropagatingMcpMetaConverter llmObsMcpMetaConverter(Tracer tracer, Propagator propagator,
				InstrumentationErrors errors) {
			return new TracePropagatingMcpMetaConverter(ToolContextToMcpMetaConverter.defaultConverter(), tracer,
					propagator, errors);
		}

		/**
		 * The application's own converter keeps its entries and gets the trace context
		 * added.
		 */
		@Bean
		static BeanPostProcessor llmObsMcpMetaConverterPostProcessor(ObjectProvider<Tracer> tracer,
				ObjectProvider<Propagator> propagator, ObjectProvider<InstrumentationErrors> errors) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof ToolContextToMcpMetaConverter converter
							&& !(bean instanceof TracePropagatingMcpMetaConverter)) {
						return new TracePropagatingMcpMetaConverter(converter, tracer.getObject(),
								propagator.getObject(), errors.getObject());
					}
					return bean;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ McpServerFeatures.class, Mono.class })
	@ConditionalOnBean(ObservationRegistry.class)
	static class ServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		McpServerToolObservations llmObsMcpServerToolObservations(ObservationRegistry observationRegistry,
				ObjectProvider<McpToolCallObservationConvention> convention, InstrumentationErrors errors) {
			return new McpServerToolObservations(observationRegistry, convention.getIfUnique(), errors);
		}

		/**
		 * Every tool specification bean, alone or in a list (Spring AI's MCP server
		 * auto-configuration collects {@code List<SyncToolSpecification>} beans), is
		 * observed.
		 */
		@Bean
		static BeanPostProcessor llmObsMcpToolSpecificationPostProcessor(
				ObjectProvider<McpServerToolObservations> observations) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof List<?> list
							&& list.stream().anyMatch(McpServerToolObservations::isToolSpecification)) {
						return observations.getObject().decorateAll(list);
					}
					if (McpServerToolObservations.isToolSpecification(bean)) {
						return observations.getObject().decorateAny(bean);
					}
					return bean;
				}

			};
		}

	}

}
