package io.llmobs.autoconfigure.tool;

import java.util.List;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.tool.GuardingToolCallingManager;
import io.llmobs.tool.ToolCircuitBreakers;
import io.llmobs.tool.ToolGuard;
import io.llmobs.tool.ToolMeters;
import io.llmobs.tool.ToolSpanEnricher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool guard with and without Resilience4j on the class path: only the circuit breakers need it.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmObsToolAutoConfigurationTests {

	private static final String MISSING_RESILIENCE4J = "llmobs.tools.circuit-breaker.enabled=true, but Resilience4j";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsToolAutoConfiguration.class, LlmObsEndpointAutoConfiguration.class))
		.withBean(ToolCallingManager.class, NoToolsManager::new)
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	private final ApplicationContextRunner withoutResilience4j = this.runner
		.withClassLoader(new FilteredClassLoader("io.github.resilience4j"));

	@Test
	void withoutResilience4jToolsAreGuardedWithoutBreakersAndTheEndpointSaysSo(CapturedOutput output) {
		this.withoutResilience4j.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ToolGuard.class)
				.hasSingleBean(ToolMeters.class)
				.hasSingleBean(ToolSpanEnricher.class)
				.doesNotHaveBean(ToolCircuitBreakers.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GuardingToolCallingManager.class);
			LlmObsEndpoint.LlmObsDescriptor llmobs = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(llmobs.settings()).containsEntry("tools.enabled", true)
				.containsEntry("tools.circuit-breaker.enabled", false);
			assertThat(llmobs.toolCircuitBreakers()).isEmpty();
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains(MISSING_RESILIENCE4J)))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN", "io.github.resilience4j:resilience4j-circuitbreaker",
					"circuit breaker"));
	}

	@Test
	void withoutResilience4jAndBreakersSwitchedOffNothingIsLogged(CapturedOutput output) {
		this.withoutResilience4j.withPropertyValues("llmobs.tools.circuit-breaker.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ToolGuard.class));
		assertThat(output).doesNotContain(MISSING_RESILIENCE4J);
	}

	@Test
	void withResilience4jTheEndpointReportsActiveBreakersAndNothingIsLogged(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ToolCircuitBreakers.class);
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings()).containsEntry("tools.enabled", true)
				.containsEntry("tools.circuit-breaker.enabled", true);
		});
		assertThat(output).doesNotContain(MISSING_RESILIENCE4J);
	}

	@Test
	void endpointReportsToolsOffWhenTheGuardIsOff() {
		this.runner.withPropertyValues("llmobs.tools.enabled=false")
			.run((context) -> assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings())
				.containsEntry("tools.enabled", false)
				.containsEntry("tools.circuit-breaker.enabled", false));
	}

	/** A manager for applications whose models call no tools. */
	static final class NoToolsManager implements ToolCallingManager {

		@Override
		public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
			return List.of();
		}

		@Override
		public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
			throw new UnsupportedOperationException();
		}

	}

}
