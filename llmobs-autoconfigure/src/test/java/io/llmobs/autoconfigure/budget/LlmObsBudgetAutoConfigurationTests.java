package io.llmobs.autoconfigure.budget;

import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.budget.BudgetInstrumentation;
import io.llmobs.budget.SpendBudgets;
import io.llmobs.core.DailySpend;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsBudgetAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsBudgetAutoConfiguration.class));

	@Test
	void budgetsAreOffByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(BudgetInstrumentation.class)
			.doesNotHaveBean("llmObsBudgetGuardAdvisor"));
	}

	@Test
	void enabledBudgetsGuardCallsAndRecordSpend() {
		this.runner.withPropertyValues("llmobs.budgets.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(SpendBudgets.class)
				.hasBean("llmObsBudgetGuardAdvisor")
				.hasBean("llmObsBudgetObservationHandler"));
	}

	@Test
	void theApplicationsDailySpendKeepsTheSpend() {
		DailySpend spend = new DailySpend() {

			@Override
			public void add(String key, double usd) {
			}

			@Override
			public double[] spentToday(String... keys) {
				double[] spent = new double[keys.length];
				java.util.Arrays.fill(spent, 7);
				return spent;
			}

		};
		this.runner.withPropertyValues("llmobs.budgets.enabled=true", "llmobs.budgets.tenants.acme.daily-usd=10")
			.withBean(DailySpend.class, () -> spend)
			.run((context) -> assertThat(context.getBean(SpendBudgets.class).snapshot().scopes()).singleElement()
				.satisfies((scope) -> assertThat(scope.spentTodayUsd()).isEqualTo(7)));
	}

	@Test
	void invalidBudgetsFailStartUpNamingTheProperty() {
		ApplicationContextRunner enabled = this.runner.withPropertyValues("llmobs.budgets.enabled=true");
		StartupFailures.assertNames(enabled, "llmobs.budgets.warn-ratio=1.5", "llmobs.budgets.warn-ratio");
		StartupFailures.assertNames(enabled, "llmobs.budgets.warn-ratio=0", "llmobs.budgets.warn-ratio");
		StartupFailures.assertNames(enabled, "llmobs.budgets.default-tenant-daily-usd=-1",
				"llmobs.budgets.default-tenant-daily-usd");
		StartupFailures.assertNames(enabled, "llmobs.budgets.tenants.acme.daily-usd=0",
				"llmobs.budgets.tenants.acme.daily-usd");
		StartupFailures.assertNames(enabled, "llmobs.budgets.mode=refuse", "llmobs.budgets.mode");
		StartupFailures.assertNames(enabled, "llmobs.budgets.stages.classify.limit=1",
				"llmobs.budgets.stages.classify.limit");
	}

}
