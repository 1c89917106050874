package io.llmobs.autoconfigure.console;

import java.util.Map;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.LlmObsThreadPools;
import io.llmobs.autoconfigure.budget.LlmObsBudgetAutoConfiguration;
import io.llmobs.autoconfigure.capture.LlmObsCaptureAutoConfiguration;
import io.llmobs.autoconfigure.capture.LlmObsCaptureProperties;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextProperties;
import io.llmobs.autoconfigure.conversation.LlmObsConversationAutoConfiguration;
import io.llmobs.autoconfigure.judge.LlmObsJudgeAutoConfiguration;
import io.llmobs.autoconfigure.tool.LlmObsToolAutoConfiguration;
import io.llmobs.budget.SpendBudgets;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.console.ConsoleSection;
import io.llmobs.console.LlmObsConsole;
import io.llmobs.context.ContextInstrumentation;
import io.llmobs.conversation.Conversations;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.CostTotals;
import io.llmobs.tool.ToolCircuitBreakers;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the llmobs console
 * ({@code llmobs.console.enabled}, off by default): the ring of recent model calls, the
 * history of the meters and the page at {@code llmobs.console.path}, served by Spring
 * MVC.
 */
@AutoConfiguration(after = { LlmObsChatAutoConfiguration.class, LlmObsContextAutoConfiguration.class,
		LlmObsToolAutoConfiguration.class, LlmObsJudgeAutoConfiguration.class, LlmObsCaptureAutoConfiguration.class,
		LlmObsConversationAutoConfiguration.class, LlmObsBudgetAutoConfiguration.class })
@ConditionalOnLlmObsEnabled
@ConditionalOnBooleanProperty("llmobs.console.enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean({ ModelCallAccounting.class, CostTotals.class, MeterRegistry.class, InstrumentationErrors.class })
@EnableConfigurationProperties({ LlmObsConsoleProperties.class, LlmObsContextProperties.class,
		LlmObsCaptureProperties.class })
public final class LlmObsConsoleAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LlmObsConsole llmObsConsole(LlmObsConsoleProperties properties, LlmObsContextProperties context,
			LlmObsCaptureProperties capture, MeterRegistry meterRegistry, CostTotals costTotals,
			ModelCallAccounting modelCalls, ObjectProvider<ContextInstrumentation> contextInstrumentation,
			ObjectProvider<ToolCircuitBreakers> breakers, ObjectProvider<ConsoleSection> sections,
			InstrumentationErrors errors, Environment environment, ObjectProvider<TaskDecorator> taskDecorator) {
		ContextInstrumentation accounting = contextInstrumentation.getIfAvailable();
		ToolCircuitBreakers toolBreakers = breakers.getIfAvailable();
		return new LlmObsConsole(
				new LlmObsConsole.Settings(properties.getRecentCalls(), capture.isContent(), context.getWarnRatio(),
						context.getBlockRatio()),
				meterRegistry, costTotals, modelCalls, (accounting != null) ? accounting.accountant() : null,
				(toolBreakers != null) ? toolBreakers::states : Map::of, sections.orderedStream().toList(), errors,
				new LlmObsThreadPools(environment, taskDecorator).scheduler("llmobs-console-"));
	}

	@Bean
	ObservationHandler<ChatModelObservationContext> llmObsConsoleObservationHandler(LlmObsConsole console) {
		return console.observationHandler();
	}

	/** The costliest recent conversations, as the endpoint lists them. */
	@Bean
	@ConditionalOnBean(Conversations.class)
	ConsoleSection llmObsConsoleConversations(Conversations conversations) {
		return ConsoleSection.of("conversations", conversations::snapshot);
	}

	/** Each budget's limit, spend today and state, as the endpoint lists them. */
	@Bean
	@ConditionalOnBean(SpendBudgets.class)
	ConsoleSection llmObsConsoleBudgets(SpendBudgets budgets) {
		return ConsoleSection.of("budgets", budgets::snapshot);
	}

	@Bean
	RouterFunction<ServerResponse> llmObsConsoleRoutes(LlmObsConsole console, LlmObsConsoleProperties properties) {
		return ConsoleRoutes.of(properties.getPath(), console);
	}

}
