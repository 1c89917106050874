package io.llmobs.autoconfigure.cost;

import java.util.List;

import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.cost.CatalogRefresh;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import io.llmobs.cost.TokenPrices;
import io.llmobs.cost.UnpricedModelWarnings;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model catalog and the cost totals: what every other llmobs feature prices with,
 * needing nothing but Spring Boot.
 */
class LlmObsCostAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class));

	@Test
	void createsTheBundledCatalogTheTotalsAndTheProperties() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ModelCatalog.class)
				.hasSingleBean(CostTotals.class)
				.hasSingleBean(UnpricedModelWarnings.class)
				.hasSingleBean(LlmObsCostProperties.class)
				.hasBean("llmObsModelKeyBindHandlerAdvisor");
			ModelCatalog catalog = context.getBean(ModelCatalog.class);
			assertThat(catalog.getDate()).isNotBlank();
			assertThat(catalog.find("gpt-4o-2024-08-06")).isPresent();
			assertThat(context.getBean(CostTotals.class).total()).isZero();
		});
	}

	@Test
	void backsOffWhenLlmObsIsDisabled() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ModelCatalog.class)
				.doesNotHaveBean(CostTotals.class)
				.doesNotHaveBean(UnpricedModelWarnings.class)
				.doesNotHaveBean(LlmObsCostProperties.class)
				.doesNotHaveBean(ConfigurationPropertiesBindHandlerAdvisor.class));
	}

	@Test
	void worksWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasSingleBean(ModelCatalog.class).hasSingleBean(CostTotals.class));
	}

	@Test
	void userCatalogReplacesOurs() {
		ModelCatalog catalog = new ModelCatalog(null, null, List.of());
		this.runner.withBean("myCatalog", ModelCatalog.class, () -> catalog)
			.run((context) -> assertThat(context).getBean(ModelCatalog.class).isSameAs(catalog));
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
	void withoutTheCatalogOnlyConfiguredModelsArePriced() {
		this.runner
			.withPropertyValues("llmobs.catalog.enabled=false", "llmobs.models.acme.match=acme-.*",
					"llmobs.models.acme.input-price=0.5")
			.run((context) -> {
				ModelCatalog catalog = context.getBean(ModelCatalog.class);
				assertThat(catalog.find("acme-large")).isPresent();
				assertThat(catalog.find("gpt-4o-2024-08-06")).isEmpty();
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
	void malformedValueFailsNamingTheProperty() {
		assertStartupFailureNames("llmobs.models.acme.output-price=cheap", "llmobs.models.acme.output-price");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		StartupFailures.assertNames(this.runner, property, expectedName);
	}

	@Test
	void loadsNoCatalogWithoutALocation() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(CatalogRefresh.class);
			assertThat(context.getBean(ModelCatalog.class).getStatus()).isNull();
		});
	}

	@Test
	void loadsTheCatalogAtTheLocationUnderTheModelProperties() {
		this.runner
			.withPropertyValues("llmobs.catalog.location=classpath:io/llmobs/cost/litellm-prices.json",
					"llmobs.models.acme-chat.output-price=20.0")
			.run((context) -> {
				assertThat(context).hasSingleBean(CatalogRefresh.class);
				ModelEntry acme = context.getBean(ModelCatalog.class).find("acme-chat").orElseThrow();
				assertThat(acme.prices()).isEqualTo(new TokenPrices(3.0, 20.0, 0.3, 3.75));
			});
	}

	@Test
	void alsoMatchPricesAnAzureDeploymentAsItsModel() {
		this.runner.withPropertyValues("llmobs.models.gpt-4o-mini.also-match=prod-chat|staging-chat").run((context) -> {
			ModelCatalog catalog = context.getBean(ModelCatalog.class);
			assertThat(catalog.find(null, "prod-chat").map(ModelEntry::key)).hasValue("gpt-4o-mini");
			assertThat(catalog.find("gpt-4o-mini-2024-07-18").map(ModelEntry::key)).hasValue("gpt-4o-mini");
		});
	}

	@Test
	void invalidCatalogSettingsFailStartUpNamingTheProperty() {
		StartupFailures.assertNames(this.runner, "llmobs.catalog.location=ftp://prices.example.com/catalog.json",
				"catalog.location");
		StartupFailures.assertNames(this.runner, "llmobs.catalog.refresh-interval=0s", "catalog.refresh-interval");
		StartupFailures.assertNames(this.runner, "llmobs.catalog.timeout=-1s", "catalog.timeout");
		StartupFailures.assertNames(this.runner, "llmobs.models.gpt-4o.also-match=(", "also-match");
	}

}
