package io.llmobs.autoconfigure.context;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.api.Encoding;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.LlmObsThreadPools;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextInstrumentation;
import io.llmobs.context.ContextStats;
import io.llmobs.cost.ModelCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the context-window accounting:
 * section counts, utilization and calibration of every model call, and the opt-in block
 * guard when {@code llmobs.context.block-ratio} is set (an {@code LlmObsAdvisor}, so
 * every auto-configured {@code ChatClient.Builder} gets it).
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty(name = "llmobs.context.enabled", matchIfMissing = true)
@ConditionalOnClass({ Encoding.class, Caffeine.class })
@ConditionalOnBean({ ModelCallAccounting.class, ModelCatalog.class })
@EnableConfigurationProperties(LlmObsContextProperties.class)
public final class LlmObsContextAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ContextInstrumentation llmObsContextInstrumentation(LlmObsContextProperties context, Environment environment,
			ObjectProvider<TaskDecorator> taskDecorator, ModelCatalog catalog, ModelCallAccounting modelCalls,
			InstrumentationErrors errors, MeterRegistry meterRegistry) {
		ContextInstrumentation.Settings settings = new ContextInstrumentation.Settings(context.getCache().getMaxSize(),
				context.getCache().getExpireAfterAccess(), context.getTokenizer().getQueueCapacity(),
				context.getCalibration().getSmoothing(), context.getWarnRatio());
		// The counter runs one task at a time: the vocabulary's warm-up, then a drain of
		// its own bounded queue.
		return new ContextInstrumentation(settings,
				new LlmObsThreadPools(environment, taskDecorator).executor("llmobs-tokenizer-",
						(pool) -> pool.corePoolSize(1).maxPoolSize(1).queueCapacity(2)),
				catalog, modelCalls, errors, meterRegistry);
	}

	@Bean
	ContextStats llmObsContextStats(ContextInstrumentation instrumentation) {
		return instrumentation.stats();
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> llmObsContextObservationHandler(
			ContextInstrumentation instrumentation) {
		return instrumentation.observationHandler();
	}

	@Bean
	ObservationFilter llmObsContextSpanEnricher(ContextInstrumentation instrumentation) {
		return instrumentation.spanEnricher();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "llmobs.context.block-ratio")
	static class BlockGuardConfiguration {

		@Bean
		LlmObsAdvisor llmObsContextGuardAdvisor(ContextInstrumentation instrumentation,
				LlmObsContextProperties properties, CallAttributionResolver attributionResolver, BoundedTags tags) {
			Double blockRatio = properties.getBlockRatio();
			return instrumentation.blockGuard((blockRatio != null) ? blockRatio : 1.0, attributionResolver,
					tags.models());
		}

	}

}
