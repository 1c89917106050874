package io.llmobs.autoconfigure.sharedstate;

import java.util.HashMap;
import java.util.Map;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.LlmObsThreadPools;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.DailySpend;
import io.llmobs.core.PromptTagValues;
import io.llmobs.core.RateWindow;
import io.llmobs.core.SharedValues;
import io.llmobs.sharedstate.RedisAvailability;
import io.llmobs.sharedstate.RedisDailySpend;
import io.llmobs.sharedstate.RedisRateWindow;
import io.llmobs.sharedstate.RedisSharedValues;
import io.llmobs.sharedstate.RedisTagValues;
import io.llmobs.sharedstate.SharedRedisCommands;
import io.llmobs.sharedstate.SharedStateObservationPredicate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the state shared by every
 * replica: with {@code llmobs.shared-state.store=redis}, the spend of budgets and of the
 * judge, the judge's rate window, the ids feedback refers to and the admitted values of
 * the bounded tags are kept in Redis, through the application's Spring Data Redis
 * connection factory. With the default {@code local}, no bean is defined and each feature
 * keeps its own state. Runs before the features that use it.
 */
@AutoConfiguration(after = LlmObsAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
				"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
				"org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration" },
		beforeName = { "io.llmobs.autoconfigure.budget.LlmObsBudgetAutoConfiguration",
				"io.llmobs.autoconfigure.judge.LlmObsJudgeAutoConfiguration",
				"io.llmobs.autoconfigure.feedback.LlmObsFeedbackAutoConfiguration" })
@ConditionalOnLlmObsEnabled
@EnableConfigurationProperties(LlmObsSharedStateProperties.class)
public final class LlmObsSharedStateAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "llmobs.shared-state.store", havingValue = "redis")
	@ConditionalOnClass({ RedisConnectionFactory.class, RedisClusterAsyncCommands.class })
	@ConditionalOnBean(MeterRegistry.class)
	static class RedisSharedStateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisAvailability llmObsRedisAvailability(LlmObsSharedStateProperties properties, MeterRegistry meterRegistry) {
			return new RedisAvailability(properties.getTimeout(), properties.getRetryInterval(), meterRegistry);
		}

		@Bean
		@ConditionalOnMissingBean
		SharedRedisCommands llmObsSharedRedisCommands(ObjectProvider<RedisConnectionFactory> connectionFactory,
				RedisAvailability availability) {
			return new SharedRedisCommands(SingletonSupplier.of(() -> commands(connectionFactory)), availability);
		}

		/**
		 * Keeps llmobs's own commands out of the application's Redis observations, which
		 * would otherwise add a span and a timer sample to every model call.
		 */
		@Bean
		@ConditionalOnClass(name = "io.lettuce.core.tracing.LettuceObservationContext")
		static ObservationPredicate llmObsSharedStateObservationPredicate(LlmObsSharedStateProperties properties) {
			return new SharedStateObservationPredicate(properties.getKeyPrefix());
		}

		@Bean
		@ConditionalOnMissingBean(DailySpend.class)
		RedisDailySpend llmObsSharedDailySpend(SharedRedisCommands redis, LlmObsSharedStateProperties properties,
				MeterRegistry meterRegistry) {
			return new RedisDailySpend(redis, properties.getKeyPrefix(), meterRegistry.config().clock());
		}

		@Bean
		@ConditionalOnMissingBean(RateWindow.class)
		RedisRateWindow llmObsSharedRateWindow(SharedRedisCommands redis, LlmObsSharedStateProperties properties,
				MeterRegistry meterRegistry) {
			return new RedisRateWindow(redis, properties.getKeyPrefix(), meterRegistry.config().clock());
		}

		@Bean
		@ConditionalOnMissingBean(SharedValues.class)
		RedisSharedValues llmObsSharedValues(SharedRedisCommands redis, LlmObsSharedStateProperties properties) {
			return new RedisSharedValues(redis, properties.getKeyPrefix());
		}

		@Bean
		@ConditionalOnMissingBean
		RedisTagValues llmObsSharedTagValues(SharedRedisCommands redis, LlmObsSharedStateProperties properties,
				BoundedTags tags, ObjectProvider<PromptTagValues> promptTags, Environment environment,
				ObjectProvider<TaskDecorator> taskDecorator) {
			Map<String, BoundedTagValues> shared = new HashMap<>(Map.of("stage", tags.stages(), "tenant",
					tags.tenants(), "model", tags.models(), "task", tags.tasks()));
			promptTags.ifAvailable((prompts) -> shared.put("prompt", prompts.values()));
			return new RedisTagValues(redis, properties.getKeyPrefix(), shared,
					new LlmObsThreadPools(environment, taskDecorator).scheduler("llmobs-tags-"));
		}

		/**
		 * Opens the connection at start-up, so that calls find it open; while it cannot
		 * be opened, calls use this instance's state and the background sync retries.
		 */
		@Bean
		SmartInitializingSingleton llmObsRedisConnect(SharedRedisCommands redis) {
			return redis::connect;
		}

		/**
		 * Shares the tag values once every bean exists, so that the first sync, on its
		 * own thread, never creates a bean concurrently with the start-up.
		 */
		@Bean
		SmartInitializingSingleton llmObsSharedTagValuesStart(RedisTagValues tagValues,
				LlmObsSharedStateProperties properties) {
			return () -> tagValues.start(properties.getSyncInterval());
		}

		@SuppressWarnings("unchecked")
		private static RedisClusterAsyncCommands<byte[], byte[]> commands(
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			RedisConnectionFactory connections = connectionFactory.getIfAvailable();
			if (connections == null) {
				throw new IllegalStateException("llmobs.shared-state.store=redis needs the application's Redis "
						+ "connection: a RedisConnectionFactory bean, such as the Lettuce one of "
						+ "spring-boot-starter-data-redis (configured with spring.data.redis.*)");
			}
			if (!(connections.getConnection()
				.getNativeConnection() instanceof RedisClusterAsyncCommands<?, ?> lettuce)) {
				throw new IllegalStateException("llmobs.shared-state.store=redis needs Lettuce, the default client of "
						+ "spring-boot-starter-data-redis (spring.data.redis.client-type=lettuce)");
			}
			return (RedisClusterAsyncCommands<byte[], byte[]>) lettuce;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "llmobs.shared-state.store", havingValue = "redis")
	@Conditional(SpringDataRedisOrLettuceMissing.class)
	static class RedisMissingConfiguration {

		RedisMissingConfiguration() {
			throw new IllegalStateException("llmobs.shared-state.store=redis needs Spring Data Redis with Lettuce: add "
					+ "org.springframework.boot:spring-boot-starter-data-redis and configure spring.data.redis.*");
		}

	}

	static final class SpringDataRedisOrLettuceMissing extends AnyNestedCondition {

		SpringDataRedisOrLettuceMissing() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
		static class SpringDataRedisMissing {

		}

		@ConditionalOnMissingClass("io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands")
		static class LettuceMissing {

		}

	}

}
