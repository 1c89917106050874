package io.llmobs.autoconfigure.core;

import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code llmobs.*} properties are never bound unvalidated: without the Bean
 * Validation API, which Boot needs to apply their constraints, start-up fails naming the
 * dependency to add.
 */
class LlmObsPropertiesValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class));

	@Test
	void invalidValueFailsWithBeanValidation() {
		StartupFailures.assertNames(this.runner, "llmobs.stage.max-values=0", "Property: llmobs.stage.max-values");
	}

	@Test
	void withoutBeanValidationStartUpFailsNamingTheStarter() {
		this.runner.withClassLoader(new FilteredClassLoader("jakarta.validation"))
			.withPropertyValues("llmobs.stage.max-values=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("jakarta.validation.Validator is not on the class path")
					.hasMessageContaining("spring-boot-starter-validation");
			});
	}

	@Test
	void withoutBeanValidationLlmObsSwitchedOffStarts() {
		this.runner.withClassLoader(new FilteredClassLoader("jakarta.validation"))
			.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
