package io.llmobs.autoconfigure.judge;

import java.util.List;
import java.util.Map;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.judge.FailureRecorder;
import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeVerdict;
import io.llmobs.judge.SampledJudge;
import io.llmobs.test.StartupFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the judge and the failure taxonomy are configured, and how {@code llmobs.judge.*}
 * is checked.
 */
@ExtendWith(OutputCaptureExtension.class)
class LlmObsJudgeAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsJudgeAutoConfiguration.class,
				LlmObsEndpointAutoConfiguration.class))
		.withUserConfiguration(ApplicationModel.class)
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	@Test
	void judgeIsOffByDefaultWhileFailuresAreCounted() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(SampledJudge.class)
			.doesNotHaveBean(Judge.class)
			.hasSingleBean(FailureRecorder.class)
			.hasBean("llmObsKnownFailures"));
	}

	@Test
	void enabledJudgeWithoutAModelFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("llmobs.judge.enabled=true").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageStartingWith("llmobs.judge.model must name the judge model");
		});
	}

	@Test
	void judgeAsksTheApplicationModelForTheNamedModel(CapturedOutput output) {
		this.runner.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=gpt-4o").run((context) -> {
			assertThat(context).hasSingleBean(SampledJudge.class).hasBean("llmObsChatClientJudge");
			assertThat(output).doesNotContain("the model it judges").doesNotContain("cannot limit the judge");
		});
	}

	@Test
	void judgeModelWithoutAPriceWarnsOnceNamingThePropertiesThatPriceIt(CapturedOutput output) {
		this.runner.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=judge-x").run((context) -> {
			assertThat(context).hasSingleBean(SampledJudge.class);
			assertThat(output).containsOnlyOnce("llmobs.judge.daily-budget-usd cannot limit the judge, whose calls "
					+ "count as free: the model catalog has no price for its model 'judge-x'; price it with "
					+ "llmobs.models.judge-x.input-price and llmobs.models.judge-x.output-price");
		});
	}

	@Test
	void judgeModelPricedByTheApplicationDoesNotWarn(CapturedOutput output) {
		this.runner
			.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=judge-x",
					"llmobs.models.judge-x.input-price=1.0", "llmobs.models.judge-x.output-price=4.0")
			.run((context) -> {
				assertThat(context).hasSingleBean(SampledJudge.class);
				assertThat(output).doesNotContain("cannot limit the judge");
			});
	}

	@Test
	void qualifiedJudgeModelWithoutAPriceWarns(CapturedOutput output) {
		this.runner.withUserConfiguration(QualifiedJudgeModel.class)
			.withPropertyValues("llmobs.judge.enabled=true")
			.run((context) -> assertThat(output).doesNotContain("cannot limit the judge"));
		this.runner.withUserConfiguration(UnpricedQualifiedJudgeModel.class)
			.withPropertyValues("llmobs.judge.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(SampledJudge.class);
				assertThat(output).containsOnlyOnce("no price for its model 'in-house-judge'");
			});
	}

	@Test
	void judgeModelEqualToTheJudgedModelWarns(CapturedOutput output) {
		this.runner.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=gpt-4o-mini").run((context) -> {
			assertThat(context).hasSingleBean(SampledJudge.class);
			assertThat(output).containsOnlyOnce("llmobs.judge.model is 'gpt-4o-mini', the model it judges");
		});
	}

	@Test
	void chatModelQualifiedForTheJudgeNeedsNoModelName() {
		this.runner.withUserConfiguration(QualifiedJudgeModel.class)
			.withPropertyValues("llmobs.judge.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(SampledJudge.class).hasBean("llmObsChatClientJudge"));
	}

	@Test
	void chatModelNamedForTheJudgeIsTheJudgesModel() {
		this.runner.withUserConfiguration(NamedJudgeModel.class)
			.withPropertyValues("llmobs.judge.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SampledJudge.class)
				.hasBean("llmObsChatClientJudge")
				.getBean("llmObsJudge")
				.isInstanceOf(ChatModel.class));
	}

	@Test
	void applicationJudgeReplacesTheModelJudge() {
		this.runner.withUserConfiguration(ApplicationJudge.class)
			.withPropertyValues("llmobs.judge.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(SampledJudge.class)
				.doesNotHaveBean("llmObsChatClientJudge")
				.hasBean("applicationJudge"));
	}

	@Test
	void judgeRunsWithoutResilience4j() {
		this.runner.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=gpt-4o")
			.withClassLoader(new FilteredClassLoader("io.github.resilience4j"))
			.run((context) -> {
				assertThat(context).hasSingleBean(SampledJudge.class);
				LlmObsEndpoint.LlmObsDescriptor endpoint = context.getBean(LlmObsEndpoint.class).llmobs();
				assertThat(endpoint.settings()).containsEntry("judge.enabled", true);
				assertThat(endpoint.judge()).isNotNull();
			});
	}

	@Test
	void endpointShowsAJudgeThatDoesNotRunAsOff() {
		this.runner.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=gpt-4o")
			.withClassLoader(new FilteredClassLoader(ChatClient.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SampledJudge.class);
				LlmObsEndpoint.LlmObsDescriptor endpoint = context.getBean(LlmObsEndpoint.class).llmobs();
				assertThat(endpoint.settings()).containsEntry("judge.enabled", false);
				assertThat(endpoint.judge()).isNull();
			});
	}

	@Test
	void invalidJudgeSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.judge.sample-rate=1.5", "llmobs.judge.sample-rate");
		assertStartupFailureNames("llmobs.judge.always-on=error,slow", "llmobs.judge.always-on");
		assertStartupFailureNames("llmobs.judge.criteria=Faithful-ness", "llmobs.judge.criteria");
		assertStartupFailureNames("llmobs.judge.queue-capacity=0", "llmobs.judge.queue-capacity");
		assertStartupFailureNames("llmobs.judge.concurrency=0", "llmobs.judge.concurrency");
		assertStartupFailureNames("llmobs.judge.max-per-minute=0", "llmobs.judge.max-per-minute");
		assertStartupFailureNames("llmobs.judge.daily-budget-usd=-1", "llmobs.judge.daily-budget-usd");
		assertStartupFailureNames("llmobs.judge.timeout=0s", "llmobs.judge.timeout");
		assertStartupFailureNames("llmobs.judge.baseline=classpath:missing-baseline.json", "llmobs.judge.baseline");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		StartupFailures.assertNames(
				this.runner.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=gpt-4o"), property,
				expectedName);
	}

	private static ChatModel model(String id) {
		return new ChatModel() {

			@Override
			public ChatResponse call(Prompt prompt) {
				return new ChatResponse(List.of(new Generation(new AssistantMessage("{}"))));
			}

			@Override
			public ChatOptions getDefaultOptions() {
				return ChatOptions.builder().model(id).build();
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationModel {

		@Bean
		ChatModel applicationChatModel() {
			return model("gpt-4o-mini");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedJudgeModel {

		@Bean
		@Qualifier("llmObsJudge")
		ChatModel judgeChatModel() {
			return model("gpt-4o");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NamedJudgeModel {

		@Bean
		ChatModel llmObsJudge() {
			return model("gpt-4.1-mini");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnpricedQualifiedJudgeModel {

		@Bean
		@Qualifier("llmObsJudge")
		ChatModel judgeChatModel() {
			return model("in-house-judge");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationJudge {

		@Bean
		Judge applicationJudge() {
			return (request) -> new JudgeVerdict(Map.of("faithfulness", 1.0), "pass", "", null);
		}

	}

}
