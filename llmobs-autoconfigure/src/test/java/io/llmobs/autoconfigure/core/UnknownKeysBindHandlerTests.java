package io.llmobs.autoconfigure.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import io.llmobs.autoconfigure.capture.LlmObsCaptureAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.context.LlmObsContextAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.autoconfigure.feedback.LlmObsFeedbackAutoConfiguration;
import io.llmobs.autoconfigure.judge.LlmObsJudgeAutoConfiguration;
import io.llmobs.autoconfigure.mcp.LlmObsMcpAutoConfiguration;
import io.llmobs.autoconfigure.prompt.LlmObsPromptAutoConfiguration;
import io.llmobs.autoconfigure.redact.LlmObsRedactionAutoConfiguration;
import io.llmobs.autoconfigure.tool.LlmObsToolAutoConfiguration;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code llmobs.*} property that llmobs does not know fails start-up naming it, or,
 * with {@code llmobs.unknown-keys=warn}, is logged once; known properties of every
 * feature pass.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownKeysBindHandlerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsContextAutoConfiguration.class, LlmObsToolAutoConfiguration.class,
				LlmObsMcpAutoConfiguration.class, LlmObsPromptAutoConfiguration.class,
				LlmObsFeedbackAutoConfiguration.class, LlmObsJudgeAutoConfiguration.class,
				LlmObsRedactionAutoConfiguration.class, LlmObsCaptureAutoConfiguration.class));

	@Test
	void aModeThatIsNeitherFailNorWarnFailsNamingTheProperty() {
		StartupFailures.assertNames(this.runner, "llmobs.unknown-keys=maybe", "llmobs.unknown-keys");
	}

	@Test
	void knownPropertiesOfEveryFeatureStart() {
		this.runner.withPropertyValues("llmobs.default-stage=chat", "llmobs.tenant.max-values=10",
				"llmobs.unknown-keys=fail", "llmobs.catalog.enabled=true", "llmobs.models.acme.input-price=1",
				"llmobs.models.gpt-4.1.output-price=2", "llmobs.context.warn-ratio=0.7",
				"llmobs.tools.timeouts.quote=2s", "llmobs.tools.circuit-breaker.instances.quote.sliding-window-size=5",
				"llmobs.mcp.enabled=true", "llmobs.prompts.location=classpath:/test-prompts/",
				"llmobs.feedback.cache.max-size=10", "llmobs.judge.sample-rate=0.1",
				"llmobs.judge.criteria[0]=relevance", "llmobs.capture.max-length=100", "llmobs.pii.enabled=true",
				"llmobs.redaction.patterns.order=ORD-\\d+")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownTopLevelNameFailsNamingIt() {
		StartupFailures.assertNames(this.runner, "llmobs.toolz.timeout=1s", "Property: llmobs.toolz.timeout");
	}

	@Test
	void unknownNameOfTheKernelFailsNamingIt() {
		StartupFailures.assertNames(this.runner, "llmobs.stage.max-value=5", "Property: llmobs.stage.max-value");
	}

	@Test
	void unknownNameOfAFeatureFailsNamingIt() {
		StartupFailures.assertNames(this.runner, "llmobs.judge.sample-rat=0.5", "Property: llmobs.judge.sample-rat");
		StartupFailures.assertNames(this.runner, "llmobs.tools.circuit-breaker.instances.quote.slow=1",
				"Property: llmobs.tools.circuit-breaker.instances.quote.slow");
		StartupFailures.assertNames(this.runner, "llmobs.models.acme.input-prize=1",
				"Property: llmobs.models.acme.input-prize");
	}

	@Test
	void unknownNameFailsWithItsOrigin() {
		StartupFailures.assertNames(this.runner, "llmobs.toolz.timeout=1s",
				"Origin: \"llmobs.toolz.timeout\" from property source \"test\"");
	}

	@Test
	void warnModeLogsEachUnknownNameOnceAndStarts(CapturedOutput output) {
		this.runner
			.withPropertyValues("llmobs.unknown-keys=warn", "llmobs.toolz.timeout=1s", "llmobs.judge.sample-rat=0.5",
					"llmobs.judge.sample-rate=0.2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(io.llmobs.autoconfigure.judge.LlmObsJudgeProperties.class).getSampleRate())
					.isEqualTo(0.2);
			});
		assertThat(occurrences(output, "Ignoring llmobs.toolz.timeout")).isOne();
		assertThat(occurrences(output, "Ignoring llmobs.judge.sample-rat,")).isOne();
		assertThat(output).contains("llmobs.unknown-keys=warn");
	}

	@Test
	void keysOfAFeatureThatIsOffAreNotRead() {
		this.runner.withPropertyValues("llmobs.tools.enabled=false", "llmobs.tools.timeot=1s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void systemPropertiesAreNotChecked() {
		this.runner.withSystemProperties("llmobs.toolz.timeout=1s")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void featureNamesAreTheTopLevelNamesOfTheFeaturesProperties() throws IOException {
		try (InputStream input = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			JsonNode metadata = JsonMapper.builder().build().readTree(input).path("properties");
			List<JsonNode> properties = metadata.valueStream()
				.filter((property) -> property.path("name").asString().startsWith("llmobs."))
				.toList();
			assertThat(properties).allSatisfy((property) -> {
				ConfigurationPropertyName name = ConfigurationPropertyName.of(property.path("name").asString());
				boolean kernel = property.path("sourceType").asString().startsWith(LlmObsProperties.class.getName());
				assertThat(UnknownKeysBindHandler.FEATURE_NAMES.contains(name.chop(2))).as(name.toString())
					.isNotEqualTo(kernel);
			});
			assertThat(UnknownKeysBindHandler.FEATURE_NAMES).allSatisfy((feature) -> assertThat(properties.stream()
				.map((property) -> ConfigurationPropertyName.of(property.path("name").asString()))
				.anyMatch((name) -> feature.equals(name.chop(2)))).as(feature.toString()).isTrue());
		}
	}

	private static long occurrences(CapturedOutput output, String text) {
		return Pattern.compile(Pattern.quote(text)).matcher(output.getOut()).results().count();
	}

}
