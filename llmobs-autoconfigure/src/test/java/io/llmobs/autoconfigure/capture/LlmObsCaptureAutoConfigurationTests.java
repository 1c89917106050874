package io.llmobs.autoconfigure.capture;

import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.autoconfigure.redact.LlmObsRedactionAutoConfiguration;
import io.llmobs.capture.CaptureInstrumentation;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What llmobs does with the content of model calls: the capture switch and its warning,
 * and that capture stands on the redaction auto-configuration's PII scanner.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmObsCaptureAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsRedactionAutoConfiguration.class, LlmObsCaptureAutoConfiguration.class));

	@Test
	void withoutTheRedactionAutoConfigurationNothingIsCapturedOrRedacted() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					LlmObsAutoConfiguration.class, LlmObsCaptureAutoConfiguration.class))
			.withPropertyValues("llmobs.capture.content=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CaptureInstrumentation.class)
				.doesNotHaveBean("llmObsContentCaptureFilter"));
	}

	@Test
	void captureLogsOneWarningAtStartUp(CapturedOutput output) {
		this.runner.withPropertyValues("llmobs.capture.content=true").run((context) -> {
			assertThat(context).hasBean("llmObsContentCaptureFilter");
			assertThat(output).containsOnlyOnce("llmobs.capture.content=true")
				.contains("with PII replaced by placeholders");
		});
	}

	@Test
	void captureWithoutRedactionSaysSo(CapturedOutput output) {
		this.runner.withPropertyValues("llmobs.capture.content=true", "llmobs.redaction.enabled=false")
			.run((context) -> {
				assertThat(context).hasBean("llmObsContentCaptureFilter")
					.doesNotHaveBean("llmObsSpringAiContentRedactor");
				assertThat(context.getBean(CaptureInstrumentation.class).redact("mail bob@example.com"))
					.isEqualTo("mail bob@example.com");
				assertThat(output).contains("UNREDACTED");
			});
	}

	@Test
	void invalidSettingsFailNamingTheProperty() {
		StartupFailures.assertNames(this.runner, "llmobs.capture.max-length=0", "llmobs.capture.max-length");
	}

}
