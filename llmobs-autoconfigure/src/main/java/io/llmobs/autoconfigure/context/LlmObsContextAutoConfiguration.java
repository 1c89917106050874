package io.llmobs.autoconfigure.context;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.api.Encoding;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.LlmObsThreadPools;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextAccountant;
import io.llmobs.context.ContextCalibration;
import io.llmobs.context.ContextGuardAdvisor;
import io.llmobs.context.ContextMeters;
import io.llmobs.context.ContextObservationHandler;
import io.llmobs.context.ContextSpanEnricher;
import io.llmobs.context.ContextStats;
import io.llmobs.context.TokenCounter;
import io.llmobs.cost.ModelCatalog;
import io.micrometer.core.instrument.MeterRegistry;

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
 * {@link EnableAutoConfiguration Auto-configuration} of the context-window accounting: section counts, utilization
 * and calibration of every model call, and the opt-in block guard when {@code llmobs.context.block-ratio} is set
 * (an {@code LlmObsAdvisor}, so every auto-configured {@code ChatClient.Builder} gets it).
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
	TokenCounter llmObsTokenCounter(LlmObsContextProperties context, Environment environment,
			ObjectProvider<TaskDecorator> taskDecorator) {
		// The counter runs one task at a time: the vocabulary's warm-up, then a drain of its own bounded queue.
		return new TokenCounter(context.getCache().getMaxSize(), context.getCache().getExpireAfterAccess(),
				context.getTokenizer().getQueueCapacity(),
				new LlmObsThreadPools(environment, taskDecorator).executor("llmobs-tokenizer-",
						(pool) -> pool.corePoolSize(1).maxPoolSize(1).queueCapacity(2)));
	}

	@Bean
	@ConditionalOnMissingBean
	ContextCalibration llmObsContextCalibration(LlmObsContextProperties properties) {
		return new ContextCalibration(properties.getCalibration().getSmoothing());
	}

	@Bean
	@ConditionalOnMissingBean
	ContextAccountant llmObsContextAccountant(TokenCounter counter, ContextCalibration calibration,
			ModelCatalog catalog) {
		return new ContextAccountant(counter, calibration, catalog);
	}

	@Bean
	@ConditionalOnMissingBean
	ContextMeters llmObsContextMeters(MeterRegistry meterRegistry) {
		return new ContextMeters(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	ContextStats llmObsContextStats(ContextMeters meters, ContextCalibration calibration, TokenCounter counter) {
		return new ContextStats(meters, calibration, counter);
	}

	@Bean
	@ConditionalOnMissingBean
	ContextObservationHandler llmObsContextObservationHandler(ContextAccountant accountant,
			ModelCallAccounting modelCalls, ContextMeters meters, LlmObsContextProperties properties,
			InstrumentationErrors errors) {
		return new ContextObservationHandler(accountant, modelCalls, meters,
				properties.getWarnRatio(), errors);
	}

	@Bean
	@ConditionalOnMissingBean
	ContextSpanEnricher llmObsContextSpanEnricher(ContextAccountant accountant, InstrumentationErrors errors) {
		return new ContextSpanEnricher(accountant, errors);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "llmobs.context.block-ratio")
	static class BlockGuardConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ContextGuardAdvisor llmObsContextGuardAdvisor(ContextAccountant accountant, LlmObsContextProperties properties,
				CallAttributionResolver attributionResolver, BoundedTags tags, ContextMeters meters,
				InstrumentationErrors errors) {
			Double blockRatio = properties.getBlockRatio();
			return new ContextGuardAdvisor(accountant, (blockRatio != null) ? blockRatio : 1.0, attributionResolver,
					tags.models(), meters, errors);
		}

	}

}
