package io.llmobs.autoconfigure.console;

import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.console.LlmObsConsole;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LlmObsConsoleAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, LlmObsAutoConfiguration.class,
			LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class, LlmObsConsoleAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void isOffByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(LlmObsConsole.class)
			.doesNotHaveBean("llmObsConsoleRoutes")
			.doesNotHaveBean("llmObsConsoleObservationHandler"));
	}

	@Test
	void whenEnabledServesThePageAndKeepsTheModelCalls() {
		this.runner.withPropertyValues("llmobs.console.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(LlmObsConsole.class)
				.hasBean("llmObsConsoleRoutes")
				.hasBean("llmObsConsoleObservationHandler"));
	}

	@Test
	void isOffInAnApplicationWithoutAServletWebServer() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("llmobs.console.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(LlmObsConsole.class));
	}

	@Test
	void isOffWithLlmObs() {
		this.runner.withPropertyValues("llmobs.console.enabled=true", "llmobs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LlmObsConsole.class));
	}

	@Test
	void invalidSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.console.path=llmobs", "llmobs.console.path");
		assertStartupFailureNames("llmobs.console.path=/llmobs/", "llmobs.console.path");
		assertStartupFailureNames("llmobs.console.path=/llm obs", "llmobs.console.path");
		assertStartupFailureNames("llmobs.console.recent-calls=0", "llmobs.console.recent-calls");
		assertStartupFailureNames("llmobs.console.recent-calls=10001", "llmobs.console.recent-calls");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		this.runner.withPropertyValues("llmobs.console.enabled=true", property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.messages(context.getStartupFailure())).as(property).contains(expectedName);
		});
	}

}
