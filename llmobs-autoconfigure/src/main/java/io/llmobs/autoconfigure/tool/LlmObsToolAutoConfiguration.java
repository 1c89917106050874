package io.llmobs.autoconfigure.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.core.LlmObsProperties;
import io.llmobs.autoconfigure.LlmObsThreadPools;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.tool.ToolCircuitBreakers;
import io.llmobs.tool.ToolGuard;
import io.llmobs.tool.ToolInstrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the tool guard: every tool that
 * Spring AI's tool-calling advisor runs (through the application's
 * {@code ToolCallingManager}) is timed, its agent loop bounded and, with Resilience4j on
 * the class path, put behind a circuit breaker of its own, taken from the application's
 * {@code CircuitBreakerRegistry} when it has one.
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class,
		afterName = { "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
				"io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration" })
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty(name = "llmobs.tools.enabled", matchIfMissing = true)
@ConditionalOnClass(ToolCallingManager.class)
@ConditionalOnBean({ InstrumentationErrors.class, BoundedTags.class })
@EnableConfigurationProperties(LlmObsToolProperties.class)
public final class LlmObsToolAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LlmObsToolAutoConfiguration.class);

	/**
	 * Tools with a time limit running at once at most; beyond, they run on the caller's
	 * thread without one.
	 */
	private static final int TIMEOUT_WORKERS = 64;

	@Bean(destroyMethod = "close")
	ToolInstrumentation llmObsToolInstrumentation(ObjectProvider<ToolCircuitBreakers> breakers,
			LlmObsProperties properties, LlmObsToolProperties tools, BoundedTags tags,
			ObservationRegistry observationRegistry, MeterRegistry meterRegistry, InstrumentationErrors errors,
			Environment environment, ObjectProvider<TaskDecorator> taskDecorator) {
		@Nullable ToolCircuitBreakers circuitBreakers = breakers.getIfUnique();
		if (circuitBreakers == null && tools.getCircuitBreaker().isEnabled()) {
			logger.warn("llmobs.tools.circuit-breaker.enabled=true, but Resilience4j "
					+ "(io.github.resilience4j:resilience4j-circuitbreaker and resilience4j-micrometer) is not on the "
					+ "class path: tools are timed and agent loops bounded, but no tool has a circuit breaker. Add "
					+ "both to use breakers, or set llmobs.tools.circuit-breaker.enabled=false.");
		}
		ToolGuard.Settings settings = new ToolGuard.Settings(tools.getDegradedMessage(),
				tools.getLoop().getMaxIdenticalCalls(), tools.getMaxIterations(), properties.getDefaultStage());
		return new ToolInstrumentation(settings, circuitBreakers, tools.getTimeout(), tools.getTimeouts(),
				new LlmObsThreadPools(environment, taskDecorator).contextExecutor("llmobs-tool-",
						(pool) -> pool.corePoolSize(0)
							.maxPoolSize(TIMEOUT_WORKERS)
							.queueCapacity(0)
							.keepAlive(Duration.ofSeconds(60))),
				new BoundedTagValues(properties.getTool().getMaxValues()), tags.stages(), meterRegistry,
				observationRegistry, errors);
	}

	@Bean
	ToolGuard llmObsToolGuard(ToolInstrumentation instrumentation) {
		return instrumentation.guard();
	}

	@Bean
	ObservationFilter llmObsToolSpanEnricher(InstrumentationErrors errors) {
		return ToolInstrumentation.spanEnricher(errors);
	}

	@Bean
	static BeanPostProcessor llmObsToolCallingManagerPostProcessor(
			ObjectProvider<ToolInstrumentation> instrumentation) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ToolCallingManager manager) {
					ToolInstrumentation tools = instrumentation.getIfUnique();
					return (tools != null) ? tools.guarding(manager) : bean;
				}
				return bean;
			}

		};
	}

	/** The circuit breakers, the only part of the tool guard that needs Resilience4j. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ CircuitBreaker.class, TaggedCircuitBreakerMetrics.class })
	static class CircuitBreakerConfiguration {

		@Bean
		ToolCircuitBreakers llmObsToolCircuitBreakers(LlmObsToolProperties properties,
				ObjectProvider<CircuitBreakerRegistry> applicationRegistry, MeterRegistry meterRegistry) {
			LlmObsToolProperties.CircuitBreaker settings = properties.getCircuitBreaker();
			CircuitBreakerRegistry registry = applicationRegistry.getIfUnique();
			if (registry != null) {
				// The application's Resilience4j integration binds its registry's metrics
				// itself.
				return ToolCircuitBreakers.of(registry, settings.isEnabled());
			}
			CircuitBreakerConfig defaults = config(settings, CircuitBreakerConfig.custom()).build();
			Map<String, CircuitBreakerConfig> overrides = new LinkedHashMap<>();
			settings.getInstances()
				.forEach((tool, override) -> overrides.put(tool,
						config(override, CircuitBreakerConfig.from(defaults)).build()));
			CircuitBreakerRegistry ownRegistry = CircuitBreakerRegistry.of(defaults);
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(ownRegistry).bindTo(meterRegistry);
			return ToolCircuitBreakers.of(ownRegistry, defaults, overrides, settings.isEnabled());
		}

		private static CircuitBreakerConfig.Builder config(LlmObsToolProperties.BreakerSettings settings,
				CircuitBreakerConfig.Builder builder) {
			if (settings.getFailureRateThreshold() != null) {
				builder.failureRateThreshold(settings.getFailureRateThreshold());
			}
			if (settings.getSlidingWindowSize() != null) {
				builder.slidingWindowSize(settings.getSlidingWindowSize());
			}
			if (settings.getMinimumNumberOfCalls() != null) {
				builder.minimumNumberOfCalls(settings.getMinimumNumberOfCalls());
			}
			if (settings.getWaitDurationInOpenState() != null) {
				builder.waitDurationInOpenState(settings.getWaitDurationInOpenState());
			}
			if (settings.getPermittedNumberOfCallsInHalfOpenState() != null) {
				builder.permittedNumberOfCallsInHalfOpenState(settings.getPermittedNumberOfCallsInHalfOpenState());
			}
			if (settings.getSlowCallDurationThreshold() != null) {
				builder.slowCallDurationThreshold(settings.getSlowCallDurationThreshold());
			}
			if (settings.getSlowCallRateThreshold() != null) {
				builder.slowCallRateThreshold(settings.getSlowCallRateThreshold());
			}
			return builder;
		}

	}

}
