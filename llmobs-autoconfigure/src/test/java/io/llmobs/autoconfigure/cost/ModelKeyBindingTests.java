package io.llmobs.autoconfigure.cost;

import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Model keys with dots ({@code gpt-4.1}) are overridden in the plain form the docs show,
 * from every kind of source, and in the bracket form as before.
 */
class ModelKeyBindingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class));

	@Test
	void plainDottedKeyInYamlOverridesTheBundledEntry() {
		try (ConfigurableApplicationContext context = run(
				"--spring.config.location=classpath:/model-keys/application.yml")) {
			ModelCatalog catalog = context.getBean(ModelCatalog.class);
			ModelEntry terra = catalog.find("gpt-5.6-terra").orElseThrow();
			assertThat(terra.key()).isEqualTo("gpt-5.6-terra");
			assertThat(terra.prices().input()).isEqualTo(1.0);
			assertThat(terra.prices().output()).isEqualTo(12.0);
			assertThat(catalog.find("gpt-5.6-luna").orElseThrow().prices().input()).isEqualTo(0.1);
			ModelEntry llama = catalog.find("llama3.1:8b").orElseThrow();
			assertThat(llama.key()).isEqualTo("llama-3.1-local");
			assertThat(llama.contextWindow()).isEqualTo(65_536);
		}
	}

	@Test
	void plainDottedKeyAsOneYamlKeyOverridesTheBundledEntry() {
		try (ConfigurableApplicationContext context = run("--spring.config.location=classpath:/model-keys/flat.yml")) {
			assertThat(context.getBean(ModelCatalog.class).find("gpt-5.6-terra").orElseThrow().prices().input())
				.isEqualTo(1.0);
		}
	}

	@Test
	void plainDottedKeyInPropertiesOverridesTheBundledEntry() {
		try (ConfigurableApplicationContext context = run(
				"--spring.config.location=classpath:/model-keys/application.properties")) {
			ModelEntry gpt41 = context.getBean(ModelCatalog.class).find("gpt-4.1-2025-04-14").orElseThrow();
			assertThat(gpt41.key()).isEqualTo("gpt-4.1");
			assertThat(gpt41.prices().input()).isEqualTo(0.5);
			assertThat(gpt41.contextWindow()).isEqualTo(500_000);
		}
	}

	@Test
	void plainDottedKeyOnTheCommandLineOverridesTheBundledEntry() {
		try (ConfigurableApplicationContext context = run("--llmobs.models.gemini-2.5-pro.output-price=7.5",
				"--llmobs.models.gpt-5.6-terra.input-price=3")) {
			ModelCatalog catalog = context.getBean(ModelCatalog.class);
			assertThat(catalog.find("gemini-2.5-pro").orElseThrow().prices().output()).isEqualTo(7.5);
			assertThat(catalog.find("gpt-5.6-terra").orElseThrow().prices().input()).isEqualTo(3.0);
		}
	}

	@Test
	void commandLineTakesPrecedenceOverYamlForADottedKey() {
		try (ConfigurableApplicationContext context = run(
				"--spring.config.location=classpath:/model-keys/application.yml",
				"--llmobs.models.gpt-5.6-terra.input-price=3")) {
			assertThat(context.getBean(ModelCatalog.class).find("gpt-5.6-terra").orElseThrow().prices().input())
				.isEqualTo(3.0);
		}
	}

	@Test
	void bracketAndPlainFormsOfDifferentKeysBindSideBySide() {
		this.runner
			.withPropertyValues("llmobs.models[gpt-4.1].input-price=0.5", "llmobs.models.gpt-4.1-mini.input-price=0.2",
					"llmobs.models.acme.match=acme-.*", "llmobs.models.acme.input-price=1",
					"llmobs.models.acme.output-price=2")
			.run((context) -> {
				ModelCatalog catalog = context.getBean(ModelCatalog.class);
				assertThat(catalog.find("gpt-4.1").orElseThrow().prices().input()).isEqualTo(0.5);
				assertThat(catalog.find("gpt-4.1-mini").orElseThrow().prices().input()).isEqualTo(0.2);
				assertThat(catalog.find("acme-large").orElseThrow().prices().output()).isEqualTo(2.0);
				assertThat(context.getBean(LlmObsCostProperties.class).getModels()).containsOnlyKeys("gpt-4.1",
						"gpt-4.1-mini", "acme");
			});
	}

	@Test
	void oneKeyInBothFormsFailsShowingBoth() {
		this.runner.withPropertyValues("llmobs.models[gpt-4.1].input-price=0.5", "llmobs.models.gpt-4.1.output-price=2")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'llmobs.models.gpt-4.1.*'")
				.hasMessageContaining("'llmobs.models[gpt-4.1].*'"));
	}

	@Test
	void invalidValueOfADottedKeyFailsNamingTheProperty() {
		this.runner.withPropertyValues("llmobs.models.gpt-4.1.input-price=-1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.messages(context.getStartupFailure()))
				.contains("llmobs.models.gpt-4.1.input-price");
		});
	}

	@Test
	void unknownPropertyOfADottedKeyFailsNamingIt() {
		this.runner.withPropertyValues("llmobs.models.gpt-4.1.input-prize=1").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.messages(context.getStartupFailure()))
				.contains("llmobs.models.gpt-4.1.input-prize");
		});
	}

	@Test
	void malformedValueOfADottedKeyFailsNamingTheProperty() {
		assertThatException().isThrownBy(() -> run("--llmobs.models.gpt-4.1.output-price=cheap"))
			.satisfies((ex) -> assertThat(StartupFailures.messages(ex)).contains("llmobs.models.gpt-4.1.output-price"));
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(CostOnly.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class })
	static class CostOnly {

	}

}
