package io.llmobs.autoconfigure.tool;

import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.test.StartupFailures;
import io.llmobs.tool.ToolCircuitBreakers;
import io.llmobs.tool.ToolGuard;
import io.llmobs.tool.ToolInstrumentation;
import io.micrometer.observation.ObservationFilter;
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
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool guard: what it creates, when it backs off, how it wraps the application's
 * tool-calling manager and what its properties change, with and without Resilience4j on
 * the class path (only the circuit breakers need it).
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmObsToolAutoConfigurationTests {

	private static final String MISSING_RESILIENCE4J = "llmobs.tools.circuit-breaker.enabled=true, but Resilience4j";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsToolAutoConfiguration.class,
				LlmObsEndpointAutoConfiguration.class))
		.withBean(ToolCallingManager.class, NoToolsManager::new)
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	private final ApplicationContextRunner withoutResilience4j = this.runner
		.withClassLoader(new FilteredClassLoader("io.github.resilience4j"));

	@Test
	void withoutResilience4jToolsAreGuardedWithoutBreakersAndTheEndpointSaysSo(CapturedOutput output) {
		this.withoutResilience4j.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ToolGuard.class)
				.hasBean("llmObsToolSpanEnricher")
				.doesNotHaveBean(ToolCircuitBreakers.class);
			assertGuarded(context);
			LlmObsEndpoint.LlmObsDescriptor llmobs = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(llmobs.settings()).containsEntry("tools.enabled", true)
				.containsEntry("tools.circuit-breaker.enabled", false);
			assertThat(llmobs.toolCircuitBreakers()).isEmpty();
		});
		assertThat(output.getOut().lines().filter((line) -> line.contains(MISSING_RESILIENCE4J))).singleElement()
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

	@Test
	void toolCallingManagersAreGuardedWithDefaultBreakers() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ToolGuard.class)
				.hasSingleBean(ToolInstrumentation.class)
				.hasSingleBean(ToolCircuitBreakers.class);
			assertThat(context.getBean("llmObsToolSpanEnricher")).isInstanceOf(ObservationFilter.class);
			assertGuarded(context);
			CircuitBreakerConfig config = context.getBean(ToolCircuitBreakers.class)
				.forTool("quote")
				.getCircuitBreakerConfig();
			assertThat(config.getFailureRateThreshold()).isEqualTo(10f);
			assertThat(config.getSlidingWindowSize()).isEqualTo(20);
			assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
			assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
		});
	}

	@Test
	void backsOffWhenLlmObsIsDisabled() {
		this.runner.withPropertyValues("llmobs.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(ToolGuard.class)
				.doesNotHaveBean(ToolInstrumentation.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(NoToolsManager.class);
		});
	}

	@Test
	void toolGuardCanBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.tools.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ToolGuard.class).doesNotHaveBean(ToolCircuitBreakers.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(NoToolsManager.class);
		});
	}

	@Test
	void withoutSpringAiToolCallingThereIsNoToolGuard() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
					LlmObsToolAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(ToolCallingManager.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(InstrumentationErrors.class)
				.doesNotHaveBean(ToolGuard.class));
	}

	@Test
	void withoutTheChatInstrumentationThereIsNoToolGuard() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
					LlmObsToolAutoConfiguration.class))
			.withBean(ToolCallingManager.class, NoToolsManager::new)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ToolGuard.class);
				assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(NoToolsManager.class);
			});
	}

	@Test
	void perToolBreakerSettingsOverrideTheDefaults() {
		this.runner
			.withPropertyValues("llmobs.tools.circuit-breaker.failure-rate-threshold=25",
					"llmobs.tools.circuit-breaker.instances.weather.minimum-number-of-calls=2")
			.run((context) -> {
				ToolCircuitBreakers breakers = context.getBean(ToolCircuitBreakers.class);
				assertThat(breakers.forTool("weather").getCircuitBreakerConfig().getMinimumNumberOfCalls())
					.isEqualTo(2);
				assertThat(breakers.forTool("weather").getCircuitBreakerConfig().getFailureRateThreshold())
					.isEqualTo(25f);
				assertThat(breakers.forTool("quote").getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(10);
			});
	}

	@Test
	void applicationCircuitBreakerRegistryIsUsed() {
		this.runner.withBean(CircuitBreakerRegistry.class, CircuitBreakerRegistry::ofDefaults).run((context) -> {
			CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
			assertThat(context.getBean(ToolCircuitBreakers.class).forTool("quote"))
				.isSameAs(registry.circuitBreaker("quote"));
		});
	}

	@Test
	void breakersCanBeSwitchedOffAndToolsStillTimed() {
		this.runner.withPropertyValues("llmobs.tools.circuit-breaker.enabled=false").run((context) -> {
			assertThat(context.getBean(ToolCircuitBreakers.class).forTool("quote").getState())
				.isEqualTo(CircuitBreaker.State.DISABLED);
			assertThat(context).hasSingleBean(ToolGuard.class);
		});
	}

	@Test
	void invalidToolSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.tools.circuit-breaker.failure-rate-threshold=0",
				"llmobs.tools.circuit-breaker.failure-rate-threshold");
		assertStartupFailureNames("llmobs.tools.circuit-breaker.instances.quote.sliding-window-size=0",
				"llmobs.tools.circuit-breaker.instances.quote.sliding-window-size");
		assertStartupFailureNames("llmobs.tools.circuit-breaker.wait-duration-in-open-state=0s",
				"llmobs.tools.circuit-breaker.wait-duration-in-open-state");
		assertStartupFailureNames("llmobs.tools.degraded-message= ", "llmobs.tools.degraded-message");
		assertStartupFailureNames("llmobs.tool.max-values=0", "llmobs.tool.max-values");
		assertStartupFailureNames("llmobs.tools.max-iterations=0", "llmobs.tools.max-iterations");
		assertStartupFailureNames("llmobs.tools.timeout=0s", "llmobs.tools.timeout");
		assertStartupFailureNames("llmobs.tools.timeouts.quote=-1s", "llmobs.tools.timeouts.quote");
		assertStartupFailureNames("llmobs.tools.loop.max-identical-calls=0", "llmobs.tools.loop.max-identical-calls");
	}

	/**
	 * The application's manager is the guarding one: the guard hands it back as it is.
	 */
	private static void assertGuarded(AssertableApplicationContext context) {
		ToolCallingManager manager = context.getBean(ToolCallingManager.class);
		assertThat(manager).isNotInstanceOf(NoToolsManager.class);
		assertThat(context.getBean(ToolInstrumentation.class).guarding(manager)).isSameAs(manager);
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		StartupFailures.assertNames(this.runner, property, expectedName);
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
