package io.llmobs.autoconfigure.actuate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.knuddels.jtokkit.api.Encoding;
import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.budget.LlmObsBudgetAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.autoconfigure.feedback.LlmObsFeedbackAutoConfiguration;
import io.llmobs.autoconfigure.prompt.LlmObsPromptAutoConfiguration;
import io.llmobs.autoconfigure.sharedstate.LlmObsSharedStateAutoConfiguration;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code llmobs} Actuator endpoint: when it exists, and what its sections and
 * settings show of the features that run.
 */
class LlmObsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner costOnly = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, LlmObsAutoConfiguration.class,
				LlmObsCostAutoConfiguration.class, LlmObsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	private final ApplicationContextRunner runner = this.costOnly
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsContextAutoConfiguration.class,
				LlmObsPromptAutoConfiguration.class, LlmObsFeedbackAutoConfiguration.class));

	@Test
	void exposedEndpointShowsTheSectionOfEveryFeatureThatRuns() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LlmObsEndpoint.class);
			LlmObsEndpoint.LlmObsDescriptor llmobs = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(llmobs.catalog().date()).isNotBlank();
			assertThat(llmobs.catalog().size()).isPositive();
			assertThat(llmobs.tags()).containsOnlyKeys("stage", "tenant", "model", "task");
			assertThat(llmobs.context()).isNotNull();
			assertThat(llmobs.prompts()).isNotNull();
			assertThat(llmobs.feedback()).isNotNull();
			assertThat(llmobs.judge()).isNull();
			assertThat(llmobs.settings()).containsEntry("context.enabled", true)
				.containsEntry("tools.enabled", false)
				.containsEntry("judge.enabled", false);
		});
	}

	@Test
	void withTheCoreAndTheCostPartAloneTheEndpointShowsCatalogCostAndTags() {
		this.costOnly.run((context) -> {
			LlmObsEndpoint.LlmObsDescriptor llmobs = context.getBean(LlmObsEndpoint.class).llmobs();
			context.getBean(CostTotals.class).add("gpt-4o", "answer", 0.25);
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().cost().byStageUsd()).containsEntry("answer",
					0.25);
			assertThat(llmobs.tags()).containsOnlyKeys("stage", "tenant", "model", "task");
			assertThat(llmobs.context()).isNull();
			assertThat(llmobs.toolCircuitBreakers()).isEmpty();
			assertThat(llmobs.prompts()).isNull();
			assertThat(llmobs.feedback()).isNull();
			assertThat(llmobs.judge()).isNull();
		});
	}

	@Test
	void backsOffWhenNotExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LlmObsEndpoint.class));
	}

	@Test
	void backsOffWhenAccessIsNone() {
		this.runner.withPropertyValues("management.endpoint.llmobs.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LlmObsEndpoint.class));
	}

	@Test
	void backsOffWhenLlmObsIsDisabled() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LlmObsEndpoint.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ModelCatalog.class)
				.doesNotHaveBean(LlmObsEndpoint.class));
	}

	@Test
	void backsOffWithoutTheCatalogAndTheTotals() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, LlmObsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=llmobs")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LlmObsEndpoint.class));
	}

	@Test
	void applicationEndpointReplacesOurs() {
		LlmObsEndpoint own = new LlmObsEndpoint(new ModelCatalog(null, null, List.of()), new CostTotals(), Map.of(),
				null, null, null, null, null, null, null, null);
		this.runner.withBean("application", LlmObsEndpoint.class, () -> own)
			.run((context) -> assertThat(context).getBean(LlmObsEndpoint.class).isSameAs(own));
	}

	@Test
	void contextAccountingSwitchedOffHasNoContextSection() {
		this.runner.withPropertyValues("llmobs.context.enabled=false").run((context) -> {
			LlmObsEndpoint.LlmObsDescriptor llmobs = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(llmobs.context()).isNull();
			assertThat(llmobs.settings()).containsEntry("context.enabled", false);
		});
	}

	@Test
	void contextAccountingWithoutJtokkitHasNoContextSection() {
		this.runner.withClassLoader(new FilteredClassLoader(Encoding.class))
			.run((context) -> assertThat(context.getBean(LlmObsEndpoint.class).llmobs().context()).isNull());
	}

	@Test
	void settingsAreTheBoundProperties() {
		this.runner.withPropertyValues("llmobs.default-stage=answer", "llmobs.tenant.max-values=7",
				"llmobs.catalog.enabled=false", "llmobs.models.acme.input-price=0.5", "llmobs.context.block-ratio=0.95",
				"llmobs.context.cache.max-size=50", "llmobs.context.cache.expire-after-access=5m",
				"llmobs.feedback.cache.max-size=20", "llmobs.judge.model=judge-1", "llmobs.judge.sample-rate=0.5",
				"llmobs.capture.max-length=100", "llmobs.redaction.patterns.ticket=T-[0-9]+")
			.run((context) -> {
				LlmObsEndpoint.LlmObsDescriptor llmobs = context.getBean(LlmObsEndpoint.class).llmobs();
				assertThat(llmobs.settings()).containsEntry("default-stage", "answer")
					.containsEntry("tenant.max-values", 7)
					.containsEntry("catalog.enabled", false)
					.containsEntry("models", Set.of("acme"))
					.containsEntry("context.block-ratio", 0.95)
					.containsEntry("context.cache.max-size", 50L)
					.containsEntry("context.cache.expire-after-access", "PT5M")
					.containsEntry("feedback.cache.max-size", 20L)
					.containsEntry("judge.enabled", false)
					.containsEntry("judge.model", "judge-1")
					.containsEntry("judge.sample-rate", 0.5)
					.containsEntry("capture.max-length", 100)
					.containsEntry("redaction.patterns", Set.of("ticket"));
				assertThat(llmobs.tags().get("tenant").maxValues()).isEqualTo(7);
				assertThat(llmobs.catalog().size()).isEqualTo(1);
			});
	}

	@Test
	void settingsShowTheBudgetsAndTheSharedStateThatDoNotRun() {
		this.runner
			.withPropertyValues("llmobs.budgets.mode=block", "llmobs.budgets.tenants.acme.daily-usd=2.5",
					"llmobs.budgets.stages.answer.daily-usd=10", "llmobs.shared-state.store=redis",
					"llmobs.shared-state.key-prefix=shop:", "llmobs.shared-state.timeout=80ms")
			.run((context) -> assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings())
				.containsEntry("budgets.enabled", false)
				.containsEntry("budgets.mode", "block")
				.containsEntry("budgets.warn-ratio", 0.8)
				.containsEntry("budgets.default-tenant-daily-usd", "unset")
				.containsEntry("budgets.tenants", Map.of("acme", 2.5))
				.containsEntry("budgets.stages", Map.of("answer", 10.0))
				.as("asked for, but the shared state's wiring is not there")
				.containsEntry("shared-state.store", "local")
				.containsEntry("shared-state.key-prefix", "shop:")
				.containsEntry("shared-state.timeout", "PT0.08S")
				.containsEntry("shared-state.retry-interval", "PT5S")
				.containsEntry("shared-state.sync-interval", "PT5S"));
	}

	@Test
	void settingsShowTheBudgetsAndTheRedisStoreThatRun() {
		this.runner
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					LlmObsSharedStateAutoConfiguration.class, LlmObsBudgetAutoConfiguration.class))
			.withPropertyValues("llmobs.budgets.enabled=true", "llmobs.budgets.default-tenant-daily-usd=5",
					"llmobs.shared-state.store=redis", "spring.data.redis.port=1")
			.run((context) -> assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings())
				.containsEntry("budgets.enabled", true)
				.containsEntry("budgets.default-tenant-daily-usd", 5.0)
				.containsEntry("shared-state.store", "redis"));
	}

	@Test
	void unsetOptionalSettingsSaySo() {
		this.runner.run((context) -> assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings())
			.containsEntry("context.block-ratio", "unset")
			.containsEntry("judge.model", "unset"));
	}

}
