package io.llmobs.autoconfigure.core;

import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.autoconfigure.judge.LlmObsJudgeProperties;
import io.llmobs.autoconfigure.tool.LlmObsToolProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * An invalid value fails start-up with a description that names the property as users
 * write it, its value and where it was set, as Boot describes a value it cannot bind.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmObsPropertiesFailureAnalyzerTests {

	@Test
	void commandLineValueIsDescribedWithItsCanonicalNameAndOrigin(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--llmobs.judge.sample-rate=2"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: llmobs.judge.sample-rate")
			.contains("Value: \"2\"")
			.contains("Origin: \"llmobs.judge.sample-rate\" from property source \"commandLineArgs\"")
			.contains("Reason: must be less than or equal to 1")
			.doesNotContain("sampleRate");
	}

	@Test
	void yamlValuesAreDescribedWithTheirLines(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--spring.config.location=classpath:/model-keys/invalid.yml"));
		assertThat(output).contains("Property: llmobs.models.gpt-4.1.input-price")
			.contains("Value: \"-1\"")
			.contains("Origin: class path resource [model-keys/invalid.yml] - 4:20")
			.contains("Property: llmobs.models.gpt-5.6-terra.output-price")
			.contains("Origin: class path resource [model-keys/invalid.yml] - 6:21")
			.doesNotContain("inputPrice")
			.doesNotContain("outputPrice");
	}

	@Test
	void nestedPropertiesOfToolsAreDescribedInKebabCase(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--llmobs.tools.circuit-breaker.instances.quote.minimum-number-of-calls=0"));
		assertThat(output).contains("Property: llmobs.tools.circuit-breaker.instances.quote.minimum-number-of-calls")
			.contains("Origin: \"llmobs.tools.circuit-breaker.instances.quote.minimum-number-of-calls\" from property "
					+ "source \"commandLineArgs\"");
	}

	@Test
	void propertiesFileValueIsDescribedWithItsLine(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> run("--spring.config.location=classpath:/invalid/application.properties"));
		assertThat(output).contains("Property: llmobs.tools.circuit-breaker.instances.quote.minimum-number-of-calls")
			.contains("Value: \"0\"")
			.contains("Origin: class path resource [invalid/application.properties] - 2:70")
			.contains("Reason: must be greater than or equal to 1")
			.doesNotContain("minimumNumberOfCalls");
	}

	private static void run(String... args) {
		new SpringApplicationBuilder(KernelCostJudgeAndTools.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off")
			.run(args)
			.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class })
	@EnableConfigurationProperties({ LlmObsJudgeProperties.class, LlmObsToolProperties.class })
	static class KernelCostJudgeAndTools {

	}

}
