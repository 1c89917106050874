package io.llmobs.autoconfigure;

import java.util.List;
import java.util.Locale;

import com.knuddels.jtokkit.api.Encoding;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.autoconfigure.tool.LlmObsToolAutoConfiguration;
import io.llmobs.chat.CallAttributionResolver;
import io.llmobs.chat.ChatClientMetricsHandler;
import io.llmobs.chat.ChatClientStreamAdvisor;
import io.llmobs.chat.ChatMeters;
import io.llmobs.chat.ChatModelMetricsHandler;
import io.llmobs.chat.ChatSpanEnricher;
import io.llmobs.chat.LlmObs;
import io.llmobs.context.ContextGuardAdvisor;
import io.llmobs.context.ContextObservationHandler;
import io.llmobs.context.ContextSpanEnricher;
import io.llmobs.context.TokenCounter;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import io.llmobs.tool.GuardingToolCallingManager;
import io.llmobs.tool.ToolCircuitBreakers;
import io.llmobs.tool.ToolGuard;
import io.llmobs.tool.ToolSpanEnricher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
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

class LlmObsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsContextAutoConfiguration.class,
				LlmObsToolAutoConfiguration.class, LlmObsEndpointAutoConfiguration.class))
		.withPropertyValues(
"management.endpoints.web.exposure.include=llmobs");

	@Test
	void createsTheInstrumentation() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ModelCatalog.class)
				.hasSingleBean(CostTotals.class)
				.hasSingleBean(ChatClientStreamAdvisor.class)
				.hasSingleBean(ChatClientMetricsHandler.class)
				.hasSingleBean(ChatModelMetricsHandler.class)
				.hasSingleBean(ChatSpanEnricher.class)
				.hasSingleBean(ChatClientBuilderCustomizer.class)
				.hasSingleBean(LlmObs.class)
				.hasSingleBean(LlmObsEndpoint.class)
				.hasSingleBean(TokenCounter.class)
				.hasSingleBean(ContextObservationHandler.class)
				.hasSingleBean(ContextSpanEnricher.class)
				.doesNotHaveBean(ContextGuardAdvisor.class);
			assertThat(context.getBean(ModelCatalog.class).getDate()).isNotBlank();
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().context()).isNotNull();
		});
	}

	@Test
	void contextAccountingCanBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.context.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ChatModelMetricsHandler.class)
				.doesNotHaveBean(TokenCounter.class)
				.doesNotHaveBean(ContextObservationHandler.class);
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().context()).isNull();
		});
	}

	@Test
	void withoutJtokkitTheContextAccountingBacksOffAndTheRestWorks() {
		this.runner.withClassLoader(new FilteredClassLoader(Encoding.class)).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ChatModelMetricsHandler.class)
				.doesNotHaveBean(ContextObservationHandler.class);
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().context()).isNull();
		});
	}

	@Test
	void blockRatioAddsTheGuardToEveryLlmObsBuilder() {
		this.runner.withPropertyValues("llmobs.context.block-ratio=0.95").run((context) -> {
			assertThat(context).hasSingleBean(ContextGuardAdvisor.class);
			assertThat(context.getBean(LlmObs.class).advisors()).contains(context.getBean(ContextGuardAdvisor.class))
				.hasAtLeastOneElementOfType(ChatClientStreamAdvisor.class);
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings())
				.containsEntry("context.block-ratio", 0.95);
		});
	}

	@Test
	void toolCallingManagersAreGuarded() {
		this.runner.withUserConfiguration(ToolCallingManagerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ToolGuard.class).hasSingleBean(ToolSpanEnricher.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GuardingToolCallingManager.class);
			CircuitBreakerConfig config = context.getBean(ToolCircuitBreakers.class).forTool("quote")
				.getCircuitBreakerConfig();
			assertThat(config.getFailureRateThreshold()).isEqualTo(10f);
			assertThat(config.getSlidingWindowSize()).isEqualTo(20);
			assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
			assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
		});
	}

	@Test
	void perToolBreakerSettingsOverrideTheDefaults() {
		this.runner
			.withPropertyValues("llmobs.tools.circuit-breaker.failure-rate-threshold=25",
					"llmobs.tools.circuit-breaker.instances.weather.minimum-number-of-calls=2")
			.run((context) -> {
				ToolCircuitBreakers breakers = context.getBean(ToolCircuitBreakers.class);
				assertThat(breakers.forTool("weather").getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(2);
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
	void toolGuardCanBeSwitchedOff() {
		this.runner.withUserConfiguration(ToolCallingManagerConfiguration.class)
			.withPropertyValues("llmobs.tools.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ToolGuard.class);
				assertThat(context.getBean(ToolCallingManager.class)).isNotInstanceOf(GuardingToolCallingManager.class);
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

	@Test
	void invalidContextSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.context.warn-ratio=1.5", "llmobs.context.warn-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0", "llmobs.context.block-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0.5",
				"llmobs.context.block-ratio (0.5) must not be below llmobs.context.warn-ratio");
		assertStartupFailureNames("llmobs.context.cache.max-size=0", "llmobs.context.cache.max-size");
		assertStartupFailureNames("llmobs.context.cache.expire-after-access=0s", "llmobs.context.cache.expire-after-access");
		assertStartupFailureNames("llmobs.context.tokenizer.queue-capacity=0", "llmobs.context.tokenizer.queue-capacity");
		assertStartupFailureNames("llmobs.context.calibration.smoothing=0", "llmobs.context.calibration.smoothing");
	}

	@Test
	void modelObservationsOfTheApplicationRegistryAreMetered() {
		this.runner.run((context) -> {
			ChatModelObservationContext observationContext = ChatModelObservationContext.builder()
				.prompt(new Prompt("hi", ChatOptions.builder().model("gpt-4o").build()))
				.provider("openai")
				.build();
			Observation observation = Observation.start("gen_ai.client.operation", () -> observationContext,
					context.getBean(ObservationRegistry.class));
			observationContext.setResponse(new ChatResponse(
					List.of(new Generation(new AssistantMessage("hello"),
							ChatGenerationMetadata.builder().finishReason("STOP").build())),
					ChatResponseMetadata.builder().model("gpt-4o-2024-08-06").usage(new DefaultUsage(100, 50)).build()));
			observation.stop();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("llmobs.tokens").tags("model", "gpt-4o-2024-08-06", "type", "input").counter().count())
				.isEqualTo(100);
			assertThat(meters.get("llmobs.finish.reason").tag("reason", "stop").counter().count()).isEqualTo(1);
			assertThat(meters.get("llmobs.cost").tags("stage", "default", "tenant", "none").counter().count())
				.isPositive();
			// no tracing here, so no span: span attributes are not computed
			assertThat(observationContext.getHighCardinalityKeyValue("llmobs.cost.usd")).isNull();
		});
	}

	@Test
	void masterSwitchLeavesNoLlmObsBeanBehind() {
		this.runner.withPropertyValues("llmobs.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanDefinitionNames())
				.noneMatch((name) -> name.toLowerCase(Locale.ROOT).contains("llmobs"));
			assertThat(context).doesNotHaveBean(ModelCatalog.class).doesNotHaveBean(LlmObsProperties.class);
		});
	}

	@Test
	void withoutSpringAiOnlyTheCostPartIsCreated() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatClient.class)).run((context) -> {
			assertThat(context).hasSingleBean(ModelCatalog.class).doesNotHaveBean(ChatClientStreamAdvisor.class);
		});
	}

	@Test
	void withoutObservationRegistryTheChatInstrumentationBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ModelCatalog.class)
				.doesNotHaveBean(ChatModelMetricsHandler.class));
	}

	@Test
	void endpointBacksOffWhenNotExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(LlmObsEndpoint.class));
	}

	@Test
	void userBeansReplaceOurs() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(ModelCatalog.class).isSameAs(context.getBean("myCatalog"));
			assertThat(context).getBean(ChatMeters.class).isSameAs(context.getBean("myMeters"));
			assertThat(context).hasSingleBean(CallAttributionResolver.class);
		});
	}

	@Test
	void modelPropertiesOverrideAndExtendTheCatalog() {
		this.runner
			.withPropertyValues("llmobs.models.gpt-4o.input-price=1.0", "llmobs.models.acme.match=acme-.*",
					"llmobs.models.acme.input-price=0.5", "llmobs.models.acme.output-price=1.5",
					"llmobs.models.acme.context-window=32000")
			.run((context) -> {
				ModelCatalog catalog = context.getBean(ModelCatalog.class);
				ModelEntry acme = catalog.find("acme-large").orElseThrow();
				assertThat(acme.prices().input()).isEqualTo(0.5);
				assertThat(acme.contextWindow()).isEqualTo(32_000);
				ModelEntry gpt4o = catalog.find("gpt-4o-2024-08-06").orElseThrow();
				assertThat(gpt4o.key()).isEqualTo("gpt-4o");
				assertThat(gpt4o.prices().input()).isEqualTo(1.0);
				assertThat(gpt4o.prices().output()).isPositive();
			});
	}

	@Test
	void catalogCanBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.catalog.enabled=false").run((context) -> {
			ModelCatalog catalog = context.getBean(ModelCatalog.class);
			assertThat(catalog.getEntries()).isEmpty();
			assertThat(catalog.getDate()).isNull();
		});
	}

	@Test
	void negativePriceFailsNamingTheProperty() {
		assertStartupFailureNames("llmobs.models.acme.input-price=-1", "llmobs.models.acme.input-price");
	}

	@Test
	void invalidPatternFailsNamingTheProperty() {
		assertStartupFailureNames("llmobs.models.acme.match=gpt-(4", "llmobs.models.acme.match");
	}

	@Test
	void nonPositiveLimitFailsNamingTheProperty() {
		assertStartupFailureNames("llmobs.tenant.max-values=0", "llmobs.tenant.max-values");
	}

	@Test
	void unknownPropertyFailsNamingIt() {
		assertStartupFailureNames("llmobs.tenent.max-values=5", "llmobs.tenent.max-values");
	}

	@Test
	void malformedValueFailsNamingTheProperty() {
		assertStartupFailureNames("llmobs.models.acme.output-price=cheap", "llmobs.models.acme.output-price");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(fullMessage(context.getStartupFailure())).contains(expectedName);
		});
	}

	private static String fullMessage(Throwable failure) {
		StringBuilder message = new StringBuilder();
		for (Throwable current = failure; current != null; current = current.getCause()) {
			message.append(current.getMessage()).append('\n');
		}
		return message.toString();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		ModelCatalog myCatalog() {
			return new ModelCatalog(null, null, List.of());
		}

		@Bean
		ChatMeters myMeters(MeterRegistry registry) {
			return new ChatMeters(registry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToolCallingManagerConfiguration {

		@Bean
		ToolCallingManager toolCallingManager() {
			return ToolCallingManager.builder().build();
		}

	}

}
