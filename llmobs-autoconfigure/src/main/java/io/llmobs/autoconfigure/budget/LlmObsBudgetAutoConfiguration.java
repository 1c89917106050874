package io.llmobs.autoconfigure.budget;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.budget.BudgetInstrumentation;
import io.llmobs.budget.SpendBudgets;
import io.llmobs.chat.LlmObsAdvisor;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.DailySpend;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LocalDailySpend;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the daily spend budgets when
 * {@code llmobs.budgets.enabled} is true: the guard advisor (an {@code LlmObsAdvisor}, so
 * every auto-configured {@code ChatClient.Builder} gets it) and the handler that adds the
 * cost of every model call to its tenant's and stage's spend. The spend is kept in the
 * application's {@link DailySpend} bean when it has one (the shared state's), else by
 * this instance alone.
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty("llmobs.budgets.enabled")
@ConditionalOnBean({ ModelCallAccounting.class, CallAttributionResolver.class, MeterRegistry.class })
@EnableConfigurationProperties(LlmObsBudgetProperties.class)
public final class LlmObsBudgetAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BudgetInstrumentation llmObsBudgetInstrumentation(LlmObsBudgetProperties properties,
			ObjectProvider<DailySpend> dailySpend, ModelCallAccounting modelCalls, BoundedTags tags,
			CallAttributionResolver attributionResolver, InstrumentationErrors errors, MeterRegistry meterRegistry) {
		tags.tenants().know(properties.getTenants().keySet());
		tags.stages().know(properties.getStages().keySet());
		SpendBudgets.Settings settings = new SpendBudgets.Settings(properties.getMode(), properties.getWarnRatio(),
				properties.getDefaultTenantDailyUsd(), LlmObsBudgetProperties.dailyLimits(properties.getTenants()),
				LlmObsBudgetProperties.dailyLimits(properties.getStages()));
		return new BudgetInstrumentation(settings,
				dailySpend.getIfAvailable(() -> new LocalDailySpend(meterRegistry.config().clock())), modelCalls,
				attributionResolver, errors, meterRegistry);
	}

	@Bean
	SpendBudgets llmObsSpendBudgets(BudgetInstrumentation budgets) {
		return budgets.budgets();
	}

	@Bean
	LlmObsAdvisor llmObsBudgetGuardAdvisor(BudgetInstrumentation budgets) {
		return budgets.guard();
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> llmObsBudgetObservationHandler(BudgetInstrumentation budgets) {
		return budgets.observationHandler();
	}

}
