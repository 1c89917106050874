package io.llmobs.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.budget.LlmObsBudgetAutoConfiguration;
import io.llmobs.autoconfigure.budget.LlmObsBudgetProperties;
import io.llmobs.budget.SpendBudgets;
import io.llmobs.autoconfigure.capture.LlmObsCaptureProperties;
import io.llmobs.autoconfigure.capture.LlmObsPiiProperties;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextProperties;
import io.llmobs.autoconfigure.conversation.LlmObsConversationAutoConfiguration;
import io.llmobs.autoconfigure.conversation.LlmObsConversationProperties;
import io.llmobs.autoconfigure.core.LlmObsProperties;
import io.llmobs.autoconfigure.feedback.LlmObsFeedbackAutoConfiguration;
import io.llmobs.autoconfigure.feedback.LlmObsFeedbackProperties;
import io.llmobs.autoconfigure.judge.LlmObsJudgeAutoConfiguration;
import io.llmobs.autoconfigure.judge.LlmObsJudgeProperties;
import io.llmobs.autoconfigure.prompt.LlmObsPromptAutoConfiguration;
import io.llmobs.autoconfigure.prompt.LlmObsPromptProperties;
import io.llmobs.autoconfigure.redact.LlmObsRedactionProperties;
import io.llmobs.autoconfigure.sharedstate.LlmObsSharedStateAutoConfiguration;
import io.llmobs.autoconfigure.sharedstate.LlmObsSharedStateProperties;
import io.llmobs.autoconfigure.tool.LlmObsToolAutoConfiguration;
import io.llmobs.autoconfigure.tool.LlmObsToolProperties;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostProperties;
import io.llmobs.core.BoundedTags;
import io.llmobs.context.ContextStats;
import io.llmobs.conversation.Conversations;
import io.llmobs.feedback.Interactions;
import io.llmobs.judge.SampledJudge;
import io.llmobs.prompt.PromptInventory;
import io.llmobs.sharedstate.SharedRedisCommands;
import io.llmobs.tool.ToolCircuitBreakers;
import io.llmobs.tool.ToolGuard;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@code llmobs} Actuator
 * endpoint. It reports the settings of every feature, so it binds the properties of
 * features that are off too.
 */
@AutoConfiguration(after = { LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
		LlmObsContextAutoConfiguration.class, LlmObsToolAutoConfiguration.class, LlmObsPromptAutoConfiguration.class,
		LlmObsFeedbackAutoConfiguration.class, LlmObsJudgeAutoConfiguration.class,
		LlmObsConversationAutoConfiguration.class, LlmObsBudgetAutoConfiguration.class,
		LlmObsSharedStateAutoConfiguration.class })
@ConditionalOnLlmObsEnabled
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(LlmObsEndpoint.class)
@ConditionalOnBean({ ModelCatalog.class, CostTotals.class })
@EnableConfigurationProperties({ LlmObsCostProperties.class, LlmObsContextProperties.class, LlmObsToolProperties.class,
		LlmObsPromptProperties.class, LlmObsFeedbackProperties.class, LlmObsJudgeProperties.class,
		LlmObsCaptureProperties.class, LlmObsRedactionProperties.class, LlmObsPiiProperties.class,
		LlmObsConversationProperties.class, LlmObsBudgetProperties.class, LlmObsSharedStateProperties.class })
public final class LlmObsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LlmObsEndpoint llmObsEndpoint(ModelCatalog catalog, CostTotals costTotals, LlmObsProperties properties,
			LlmObsCostProperties cost, LlmObsContextProperties context, LlmObsToolProperties tools,
			LlmObsPromptProperties prompts, LlmObsFeedbackProperties feedback, LlmObsJudgeProperties judge,
			LlmObsCaptureProperties capture, LlmObsRedactionProperties redaction, LlmObsPiiProperties pii,
			ObjectProvider<BoundedTags> tags, ObjectProvider<ContextStats> contextStats,
			ObjectProvider<ToolGuard> toolGuard, ObjectProvider<ToolCircuitBreakers> breakers,
			ObjectProvider<PromptInventory> promptInventory, ObjectProvider<Interactions> interactions,
			ObjectProvider<SampledJudge> sampledJudges, LlmObsConversationProperties conversationProperties,
			ObjectProvider<Conversations> conversations, ObjectProvider<SpendBudgets> budgets,
			LlmObsBudgetProperties budgetProperties, LlmObsSharedStateProperties sharedState,
			ObjectProvider<SharedRedisCommands> redis) {
		ToolCircuitBreakers toolBreakers = breakers.getIfAvailable();
		SampledJudge sampledJudge = sampledJudges.getIfAvailable();
		Conversations recentConversations = conversations.getIfAvailable();
		SpendBudgets spendBudgets = budgets.getIfAvailable();
		Map<String, Object> settings = settings(new FeatureProperties(properties, cost, context, tools, prompts,
				feedback, judge, capture, redaction, pii), toolGuard.getIfAvailable() != null, toolBreakers != null,
				sampledJudge != null);
		withConversations(settings, conversationProperties, recentConversations != null);
		withBudgets(settings, budgetProperties, spendBudgets != null);
		withSharedState(settings, sharedState, redis.getIfAvailable() != null);
		return new LlmObsEndpoint(catalog, costTotals, settings, tags.getIfAvailable(), contextStats.getIfAvailable(),
				toolBreakers, promptInventory.getIfAvailable(), interactions.getIfAvailable(), sampledJudge,
				recentConversations, spendBudgets);
	}

	/**
	 * The effective settings; llmobs has no secrets among them, prices and limits only. A
	 * feature switched on that does not run (its dependency is missing, or nothing to run
	 * it with) shows what is active, not what was asked for.
	 */
	private static Map<String, Object> settings(FeatureProperties features, boolean toolGuard, boolean toolBreakers,
			boolean judgeRuns) {
		LlmObsProperties properties = features.kernel();
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("default-stage", properties.getDefaultStage());
		settings.put("stage.max-values", properties.getStage().getMaxValues());
		settings.put("tenant.max-values", properties.getTenant().getMaxValues());
		settings.put("model.max-values", properties.getModel().getMaxValues());
		settings.put("task.max-values", properties.getTask().getMaxValues());
		settings.put("catalog.enabled", features.cost().getCatalog().isEnabled());
		settings.put("catalog.refresh-interval", features.cost().getCatalog().getRefreshInterval().toString());
		settings.put("catalog.timeout", features.cost().getCatalog().getTimeout().toString());
		settings.put("models", features.cost().getModels().keySet());
		LlmObsContextProperties context = features.context();
		settings.put("context.enabled", context.isEnabled());
		settings.put("context.warn-ratio", context.getWarnRatio());
		settings.put("context.block-ratio", (context.getBlockRatio() != null) ? context.getBlockRatio() : "unset");
		settings.put("context.cache.max-size", context.getCache().getMaxSize());
		settings.put("context.cache.expire-after-access", context.getCache().getExpireAfterAccess().toString());
		settings.put("context.tokenizer.queue-capacity", context.getTokenizer().getQueueCapacity());
		settings.put("context.calibration.smoothing", context.getCalibration().getSmoothing());
		settings.put("tool.max-values", properties.getTool().getMaxValues());
		settings.put("tools.enabled", toolGuard);
		settings.put("tools.circuit-breaker.enabled",
				toolGuard && toolBreakers && features.tools().getCircuitBreaker().isEnabled());
		settings.put("prompts.enabled", features.prompts().isEnabled());
		settings.put("prompts.location", features.prompts().getLocation());
		settings.put("prompts.metric-tags.enabled",
				features.prompts().isEnabled() && features.prompts().getMetricTags().isEnabled());
		settings.put("prompts.metric-tags.max-values", features.prompts().getMetricTags().getMaxValues());
		settings.put("guardrail.max-values", properties.getGuardrail().getMaxValues());
		LlmObsFeedbackProperties feedback = features.feedback();
		settings.put("feedback.enabled", feedback.isEnabled());
		settings.put("feedback.cache.max-size", feedback.getCache().getMaxSize());
		settings.put("feedback.cache.expire-after-write", feedback.getCache().getExpireAfterWrite().toString());
		LlmObsJudgeProperties judge = features.judge();
		settings.put("judge.enabled", judgeRuns);
		settings.put("judge.model", (judge.getModel() != null) ? judge.getModel() : "unset");
		settings.put("judge.sample-rate", judge.getSampleRate());
		settings.put("judge.always-on", judge.getAlwaysOn());
		settings.put("judge.criteria", judge.getCriteria());
		settings.put("judge.queue-capacity", judge.getQueueCapacity());
		settings.put("judge.concurrency", judge.getConcurrency());
		settings.put("judge.max-per-minute", judge.getMaxPerMinute());
		settings.put("judge.daily-budget-usd", judge.getDailyBudgetUsd());
		settings.put("judge.timeout", judge.getTimeout().toString());
		settings.put("capture.content", features.capture().isContent());
		settings.put("capture.max-length", features.capture().getMaxLength());
		LlmObsRedactionProperties redaction = features.redaction();
		settings.put("redaction.enabled", redaction.isEnabled());
		settings.put("redaction.patterns", redaction.getPatterns().keySet());
		settings.put("redaction.phone-regions", redaction.getPhoneRegions());
		settings.put("redaction.strict-phone-validation", redaction.isStrictPhoneValidation());
		settings.put("pii.enabled", features.pii().isEnabled());
		return settings;
	}

	/** The settings of conversations, which run only where chat calls are observed. */
	private static void withConversations(Map<String, Object> settings, LlmObsConversationProperties conversations,
			boolean tracked) {
		settings.put("conversations.enabled", tracked);
		settings.put("conversations.max-tracked", conversations.getMaxTracked());
		settings.put("conversations.expire-after-idle", conversations.getExpireAfterIdle().toString());
		settings.put("conversations.top", conversations.getTop());
	}

	/**
	 * The settings of budgets, which run only where chat calls are observed; the limits
	 * in USD a day, by tenant and by stage.
	 */
	private static void withBudgets(Map<String, Object> settings, LlmObsBudgetProperties budgets, boolean enforced) {
		settings.put("budgets.enabled", enforced);
		settings.put("budgets.mode", budgets.getMode().name().toLowerCase(Locale.ROOT));
		settings.put("budgets.warn-ratio", budgets.getWarnRatio());
		Double defaultTenant = budgets.getDefaultTenantDailyUsd();
		settings.put("budgets.default-tenant-daily-usd", (defaultTenant != null) ? defaultTenant : "unset");
		settings.put("budgets.tenants", LlmObsBudgetProperties.dailyLimits(budgets.getTenants()));
		settings.put("budgets.stages", LlmObsBudgetProperties.dailyLimits(budgets.getStages()));
	}

	/**
	 * The settings of the shared state; the store is {@code redis} only where the Redis
	 * state runs.
	 */
	private static void withSharedState(Map<String, Object> settings, LlmObsSharedStateProperties sharedState,
			boolean redis) {
		settings.put("shared-state.store", redis ? "redis" : "local");
		settings.put("shared-state.key-prefix", sharedState.getKeyPrefix());
		settings.put("shared-state.timeout", sharedState.getTimeout().toString());
		settings.put("shared-state.retry-interval", sharedState.getRetryInterval().toString());
		settings.put("shared-state.sync-interval", sharedState.getSyncInterval().toString());
	}

	/** The properties of every feature, whose settings the endpoint shows. */
	private record FeatureProperties(LlmObsProperties kernel, LlmObsCostProperties cost,
			LlmObsContextProperties context, LlmObsToolProperties tools, LlmObsPromptProperties prompts,
			LlmObsFeedbackProperties feedback, LlmObsJudgeProperties judge, LlmObsCaptureProperties capture,
			LlmObsRedactionProperties redaction, LlmObsPiiProperties pii) {

	}

}
