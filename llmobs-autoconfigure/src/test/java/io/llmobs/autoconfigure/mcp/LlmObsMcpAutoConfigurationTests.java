package io.llmobs.autoconfigure.mcp;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.mcp.McpServerToolObservations;
import io.llmobs.mcp.TracePropagatingMcpMetaConverter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.mcp.ToolContextToMcpMetaConverter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsMcpAutoConfigurationTests {

	private static final McpSchema.Tool QUOTE = McpSchema.Tool.builder("quote", Map.of("type", "object")).build();

	private static final CallToolResult ANSWER = CallToolResult.builder().textContent(List.of("7.49 EUR")).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsMcpAutoConfiguration.class));

	private final ApplicationContextRunner tracedRunner = this.runner.withUserConfiguration(TracingConfiguration.class);

	@Test
	void propagatesOnTheClientAndObservesOnTheServer() {
		this.tracedRunner.run((context) -> {
			assertThat(context).hasSingleBean(McpServerToolObservations.class);
			assertThat(context.getBean(ToolContextToMcpMetaConverter.class))
				.isInstanceOf(TracePropagatingMcpMetaConverter.class);
		});
	}

	@Test
	void applicationsConverterIsKeptAndGetsTheTraceContextAdded() {
		this.tracedRunner.withUserConfiguration(AppConverterConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ToolContextToMcpMetaConverter.class);
			ToolContextToMcpMetaConverter converter = context.getBean(ToolContextToMcpMetaConverter.class);
			assertThat(converter).isInstanceOf(TracePropagatingMcpMetaConverter.class);
			assertThat(((TracePropagatingMcpMetaConverter) converter).getDelegate())
				.isNotInstanceOf(TracePropagatingMcpMetaConverter.class);
			assertThat(converter.convert(new ToolContext(Map.of()))).containsEntry("app", "parcels-web");
		});
	}

	@Test
	void toolSpecificationBeansAloneAndInListsAreObserved() {
		this.tracedRunner.withUserConfiguration(ToolSpecificationConfiguration.class).run((context) -> {
			@SuppressWarnings("unchecked")
			List<SyncToolSpecification> tools = context.getBean("syncTools", List.class);
			BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler = tools.get(0).callHandler();
			assertThat(handler).isNotSameAs(ToolSpecificationConfiguration.HANDLER);
			assertThat(handler.apply(null, CallToolRequest.builder("quote").build())).isSameAs(ANSWER);
			assertThat(context.getBean(MeterRegistry.class)
				.get("mcp.server.operation")
				.tags("gen_ai.tool.name", "quote", "error.type", "none")
				.timer()
				.count()).isOne();
			AsyncToolSpecification async = context.getBean(AsyncToolSpecification.class);
			assertThat(async.callHandler().apply(null, CallToolRequest.builder("quote").build()).block())
				.isSameAs(ANSWER);
			McpStatelessServerFeatures.SyncToolSpecification stateless = context
				.getBean(McpStatelessServerFeatures.SyncToolSpecification.class);
			assertThat(stateless.callHandler().apply(null, CallToolRequest.builder("quote").build())).isSameAs(ANSWER);
			Timer timer = context.getBean(MeterRegistry.class).get("mcp.server.operation").timer();
			assertThat(timer.count()).isEqualTo(3);
			assertThat(timer.getId().getTags()).extracting(Tag::getKey)
				.containsExactlyInAnyOrder("error", "error.type", "gen_ai.operation.name", "gen_ai.tool.name",
						"mcp.method.name");
			McpServerToolObservations observations = context.getBean(McpServerToolObservations.class);
			assertThat(observations.decorate(tools.get(0))).as("decorated once").isSameAs(tools.get(0));
		});
	}

	@Test
	void withoutTracingOnlyTheServerIsObserved() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(McpServerToolObservations.class)
				.doesNotHaveBean(ToolContextToMcpMetaConverter.class);
		});
	}

	@Test
	void withoutSpringAiMcpOnlyTheServerIsObserved() {
		this.tracedRunner.withClassLoader(new FilteredClassLoader(ToolContextToMcpMetaConverter.class))
			.run((context) -> assertThat(context).hasSingleBean(McpServerToolObservations.class)
				.doesNotHaveBean(TracePropagatingMcpMetaConverter.class));
	}

	@Test
	void withoutTheMcpSdkThereIsNothing() {
		this.tracedRunner.withUserConfiguration(ToolSpecificationConfiguration.class)
			.withClassLoader(new FilteredClassLoader(McpSchema.class))
			.run((context) -> assertThat(context).doesNotHaveBean(McpServerToolObservations.class)
				.doesNotHaveBean(TracePropagatingMcpMetaConverter.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.tracedRunner.withUserConfiguration(ToolSpecificationConfiguration.class)
			.withPropertyValues("llmobs.mcp.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(McpServerToolObservations.class)
					.doesNotHaveBean(TracePropagatingMcpMetaConverter.class);
				assertThat(context.getBean(AsyncToolSpecification.class).callHandler())
					.isSameAs(ToolSpecificationConfiguration.ASYNC_HANDLER);
			});
		this.tracedRunner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(McpServerToolObservations.class)
				.doesNotHaveBean(TracePropagatingMcpMetaConverter.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TracingConfiguration {

		@Bean
		Tracer tracer() {
			return Tracer.NOOP;
		}

		@Bean
		Propagator propagator() {
			return Propagator.NOOP;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AppConverterConfiguration {

		@Bean
		ToolContextToMcpMetaConverter appMeta() {
			return (toolContext) -> Map.of("app", "parcels-web");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToolSpecificationConfiguration {

		static final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> HANDLER = (exchange,
				request) -> ANSWER;

		static final BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> ASYNC_HANDLER = (
				exchange, request) -> Mono.just(ANSWER);

		@Bean
		List<SyncToolSpecification> syncTools() {
			return List.of(new SyncToolSpecification(QUOTE, HANDLER));
		}

		@Bean
		AsyncToolSpecification asyncTool() {
			return new AsyncToolSpecification(QUOTE, ASYNC_HANDLER);
		}

		@Bean
		McpStatelessServerFeatures.SyncToolSpecification statelessTool() {
			return new McpStatelessServerFeatures.SyncToolSpecification(QUOTE, (transportContext, request) -> ANSWER);
		}

	}

}
