package io.llmobs.autoconfigure.redact;

import java.util.List;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.llmobs.autoconfigure.capture.LlmObsCaptureAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.capture.CaptureInstrumentation;
import io.llmobs.redact.PiiEntity;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import io.llmobs.test.StartupFailures;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class LlmObsRedactionAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsRedactionAutoConfiguration.class, LlmObsCaptureAutoConfiguration.class));

	@Test
	void redactionAndCountsAreOnAndCaptureOffByDefault(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PiiScanner.class)
				.hasSingleBean(PiiMeters.class)
				.hasBean("llmObsPiiEntityCounter")
				.hasBean("llmObsSpringAiContentRedactor")
				.doesNotHaveBean("llmObsContentCaptureFilter");
			// Every counter exists from zero, so increase() sees the first entity.
			assertThat(context.getBean(MeterRegistry.class).find("llmobs.pii.entities").counters()).hasSize(16);
			assertThat(context.getBean(CaptureInstrumentation.class).redact("mail bob@example.com"))
				.isEqualTo("mail <EMAIL>");
		});
		assertThat(output).doesNotContain("llmobs.capture.content");
	}

	@Test
	void springAiSwitchesThatLogRawContentAreWarnedAbout(CapturedOutput output) {
		this.runner
			.withPropertyValues("spring.ai.chat.observations.log-prompt=true",
					"spring.ai.vectorstore.observations.log-query-response=true")
			.run((context) -> assertThat(output)
				.contains("spring.ai.chat.observations.log-prompt=true writes raw content to the application log")
				.contains("spring.ai.vectorstore.observations.log-query-response=true")
				.doesNotContain("spring.ai.chat.observations.log-completion=true"));
	}

	@Test
	void countsCanBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.pii.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PiiMeters.class).doesNotHaveBean("llmObsPiiEntityCounter");
			assertThat(context.getBean(MeterRegistry.class).find("llmobs.pii.entities").counters()).isEmpty();
		});
	}

	@Test
	void phoneRegionsReadNationalNumbers() {
		this.runner.withPropertyValues("llmobs.redaction.phone-regions=US,GB").run((context) -> {
			assertThat(context.getBean(CaptureInstrumentation.class).redact("call 0121 234 5678 or (212) 736-5000"))
				.isEqualTo("call <PHONE> or <PHONE>");
		});
	}

	@Test
	void internationalNumbersInUnassignedRangesAreRedactedUnlessStrictValidationIsOn() {
		// +1 555: no such area code, so libphonenumber calls the number invalid; +44 121
		// is assigned.
		String text = "call +1 555 010 4758 or +44 121 234 5678";
		this.runner.run((context) -> assertThat(context.getBean(CaptureInstrumentation.class).redact(text))
			.isEqualTo("call <PHONE> or <PHONE>"));
		this.runner.withPropertyValues("llmobs.redaction.strict-phone-validation=true")
			.run((context) -> assertThat(context.getBean(CaptureInstrumentation.class).redact(text))
				.isEqualTo("call +1 555 010 4758 or <PHONE>"));
	}

	@Test
	void customizersAdjustTheDetectors() {
		this.runner.withUserConfiguration(Customizers.class).run((context) -> {
			PiiScanner scanner = context.getBean(PiiScanner.class);
			assertThat(scanner.redact("bob@example.com owes ACME-7").text()).isEqualTo("bob@example.com owes <CODE>");
		});
	}

	@Test
	void withoutTheValidatorLibrariesNothingIsCapturedOrRedacted() {
		this.runner.withClassLoader(new FilteredClassLoader(PhoneNumberUtil.class))
			.withPropertyValues("llmobs.capture.content=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PiiScanner.class)
				.doesNotHaveBean(CaptureInstrumentation.class));
	}

	@Test
	void userBeansReplaceOurs() {
		this.runner.withUserConfiguration(UserScanner.class).run((context) -> {
			assertThat(context).hasSingleBean(PiiScanner.class);
			assertThat(context.getBean(CaptureInstrumentation.class).redact("bob@example.com"))
				.isEqualTo("bob@example.com");
		});
	}

	@Test
	void invalidSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.redaction.max-scan-length=0", "llmobs.redaction.max-scan-length");
		assertStartupFailureNames("llmobs.redaction.patterns.order=[unclosed", "llmobs.redaction.patterns.order");
		assertStartupFailureNames("llmobs.redaction.patterns.order=\\d*", "llmobs.redaction.patterns.order");
		assertStartupFailureNames("llmobs.redaction.phone-regions=XX", "llmobs.redaction.phone-regions");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		StartupFailures.assertNames(this.runner, property, expectedName);
	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		@Order(1)
		LlmObsRedactionCustomizer dropBuiltIns() {
			return (detectors) -> detectors.remove(0);
		}

		@Bean
		@Order(2)
		LlmObsRedactionCustomizer codes() {
			return (detectors) -> detectors.add((text, found) -> {
				int at = text.indexOf("ACME-");
				if (at >= 0) {
					found.add(new PiiEntity("code", at, at + 6));
				}
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserScanner {

		@Bean
		PiiScanner myScanner() {
			return new PiiScanner(List.of());
		}

	}

}
