package io.llmobs.autoconfigure.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.ChatInstrumentation;
import io.llmobs.chat.FinishedChatCall;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.chat.LlmObs;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.core.TenantResolver;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.test.ApplicationBeans;
import io.llmobs.test.StartupFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat-call instrumentation: what it creates, when it backs off, which of its beans
 * an application replaces and what its properties change.
 */
class LlmObsChatAutoConfigurationTests {

	private static final AutoConfigurations METRICS_AND_OBSERVATIONS = AutoConfigurations.of(
			ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
			CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(METRICS_AND_OBSERVATIONS)
		.withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class));

	@Test
	void createsTheInstrumentation() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(BoundedTags.class)
				.hasSingleBean(InstrumentationErrors.class)
				.hasSingleBean(CallAttributionResolver.class)
				.hasSingleBean(ChatInstrumentation.class)
				.hasSingleBean(ChatClientBuilderCustomizer.class)
				.hasSingleBean(LlmObs.class)
				.hasBean("llmObsTaskHistogramMeterFilter");
			ChatInstrumentation chat = context.getBean(ChatInstrumentation.class);
			assertThat(context.getBean(ModelCallAccounting.class)).isSameAs(chat.modelCalls());
			assertThat(context.getBean("llmObsChatModelMetricsHandler")).isSameAs(chat.modelMetricsHandler());
			assertThat(context.getBean("llmObsChatSpanEnricher")).isSameAs(chat.spanEnricher());
			assertThat(context.getBean("llmObsChatClientMetricsHandler")).isSameAs(chat.callMetricsHandler());
			assertThat(context.getBean("llmObsChatClientStreamAdvisor")).isSameAs(chat.streamAdvisor());
			assertThat(context.getBean(LlmObs.class).advisors()).containsExactly(chat.streamAdvisor());
		});
	}

	@Test
	void backsOffWhenLlmObsIsDisabled() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(InstrumentationErrors.class)
				.doesNotHaveBean(ChatInstrumentation.class)
				.doesNotHaveBean(ChatClientBuilderCustomizer.class)
				.doesNotHaveBean(LlmObs.class)
				.doesNotHaveBean("llmObsTaskHistogramMeterFilter"));
	}

	@Test
	void withoutSpringAiChatClientOnlyTheCoreAndTheCostPartAreCreated() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatClient.class))
			.run((context) -> assertThat(context).hasSingleBean(ModelCatalog.class)
				.hasSingleBean(InstrumentationErrors.class)
				.doesNotHaveBean(ChatInstrumentation.class));
	}

	@Test
	void withoutSpringAiChatObservationsTheChatInstrumentationBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(ChatModelObservationContext.class))
			.run((context) -> assertThat(context).hasSingleBean(ModelCatalog.class)
				.doesNotHaveBean(ChatInstrumentation.class));
	}

	@Test
	void withoutObservationRegistryTheChatInstrumentationBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
					LlmObsChatAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ModelCatalog.class)
				.doesNotHaveBean(ChatInstrumentation.class));
	}

	@Test
	void withoutMeterRegistryTheChatInstrumentationBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, LlmObsAutoConfiguration.class,
					LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ObservationRegistry.class)
				.hasSingleBean(ModelCatalog.class)
				.doesNotHaveBean(ChatInstrumentation.class));
	}

	@Test
	void withoutModelCatalogTheChatInstrumentationBacksOff() {
		new ApplicationContextRunner().withConfiguration(METRICS_AND_OBSERVATIONS)
			.withConfiguration(AutoConfigurations.of(LlmObsChatAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MeterRegistry.class)
				.doesNotHaveBean(ChatInstrumentation.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("applicationBeans")
	void applicationBeanReplacesOurs(Class<?> type, Class<?> applicationConfiguration) {
		ApplicationBeans.assertReplaceOurs(this.runner, type, applicationConfiguration);
	}

	static Stream<Arguments> applicationBeans() {
		return Stream.of(Arguments.of(BoundedTags.class, ApplicationBoundedTags.class),
				Arguments.of(InstrumentationErrors.class, ApplicationInstrumentationErrors.class),
				Arguments.of(CallAttributionResolver.class, ApplicationCallAttributionResolver.class),
				Arguments.of(LlmObs.class, ApplicationLlmObs.class));
	}

	@Test
	void applicationBuilderCustomizersAreAddedToOurs() {
		ChatClientBuilderCustomizer own = (builder) -> {
		};
		this.runner.withBean("applicationCustomizer", ChatClientBuilderCustomizer.class, () -> own)
			.run((context) -> assertThat(context.getBeansOfType(ChatClientBuilderCustomizer.class))
				.containsOnlyKeys("applicationCustomizer", "llmObsChatClientBuilderCustomizer"));
	}

	@Test
	void builderCustomizerOfTheSameNameReplacesOurs() {
		ChatClientBuilderCustomizer own = (builder) -> {
		};
		this.runner.withBean("llmObsChatClientBuilderCustomizer", ChatClientBuilderCustomizer.class, () -> own)
			.run((context) -> assertThat(context).getBean(ChatClientBuilderCustomizer.class).isSameAs(own));
	}

	@Test
	void callsAndStreamsOfACustomizedBuilderAreTimedAndToldToListeners() {
		List<FinishedChatCall> finished = new ArrayList<>();
		this.runner.withBean(ChatCallListener.class, () -> finished::add).run((context) -> {
			ChatClient.Builder builder = ChatClient.builder(new StubChatModel(),
					context.getBean(ObservationRegistry.class), null, null);
			context.getBean(ChatClientBuilderCustomizer.class).customize(builder);
			ChatClient client = builder.build();
			assertThat(client.prompt("hi").call().content()).isEqualTo("hello");
			assertThat(client.prompt("hi").stream().content().collectList().block()).containsExactly("hello");
			Timer calls = context.getBean(MeterRegistry.class)
				.get("llmobs.chat")
				.tags("model", "gpt-4o-2024-08-06", "outcome", "success")
				.timer();
			assertThat(calls.count()).isEqualTo(2);
			assertThat(finished).hasSize(2).allSatisfy((call) -> assertThat(call.answer()).isEqualTo("hello"));
		});
	}

	@Test
	void tagLimitsAreBound() {
		this.runner
			.withPropertyValues("llmobs.stage.max-values=2", "llmobs.tenant.max-values=3", "llmobs.model.max-values=4",
					"llmobs.task.max-values=5")
			.run((context) -> {
				BoundedTags tags = context.getBean(BoundedTags.class);
				assertThat(tags.stages().maxValues()).isEqualTo(2);
				assertThat(tags.tenants().maxValues()).isEqualTo(3);
				assertThat(tags.models().maxValues()).isEqualTo(4);
				assertThat(tags.tasks().maxValues()).isEqualTo(5);
			});
	}

	@Test
	void callsWithoutParametersHaveTheDefaultStageAndTheResolvedTenant() {
		this.runner.withPropertyValues("llmobs.default-stage=answer")
			.withBean(TenantResolver.class, () -> () -> "acme")
			.run((context) -> {
				CallAttributionResolver resolver = context.getBean(CallAttributionResolver.class);
				assertThat(resolver.resolveDefault().stage()).isEqualTo("answer");
				assertThat(resolver.resolveDefault().tenant()).isEqualTo("acme");
			});
	}

	@Test
	void withoutTenantResolverCallsHaveNoTenant() {
		this.runner
			.run((context) -> assertThat(context.getBean(CallAttributionResolver.class).resolveDefault().tenant())
				.isEqualTo(BoundedTagValues.NONE));
	}

	@Test
	void taskTimersAndOnlyThemArePublishedWithAHistogram() {
		this.runner.withConfiguration(AutoConfigurations.of(PrometheusMetricsExportAutoConfiguration.class))
			.run((context) -> {
				PrometheusMeterRegistry meters = context.getBean(PrometheusMeterRegistry.class);
				Timer.builder("llmobs.task").register(meters).record(Duration.ofSeconds(1));
				Timer.builder("llmobs.other").register(meters).record(Duration.ofSeconds(1));
				assertThat(meters.scrape()).contains("llmobs_task_seconds_bucket")
					.doesNotContain("llmobs_other_seconds_bucket");
			});
	}

	@Test
	void modelObservationsOfTheApplicationRegistryAreMetered() {
		this.runner.run((context) -> {
			ChatModelObservationContext observationContext = ChatModelObservationContext.builder()
				.prompt(new Prompt("hi", ChatOptions.builder().model("gpt-4o").build()))
				.provider("openai")
				.build();
			Observation observation = Observation.start("gen_ai.client.operation", () -> observationContext,
					context.getBean(ObservationRegistry.class));
			observationContext.setResponse(StubChatModel.response());
			observation.stop();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(
					meters.get("llmobs.tokens").tags("model", "gpt-4o-2024-08-06", "type", "input").counter().count())
				.isEqualTo(100);
			assertThat(meters.get("llmobs.finish.reason").tag("reason", "stop").counter().count()).isEqualTo(1);
			assertThat(meters.get("llmobs.cost").tags("stage", "default", "tenant", "none").counter().count())
				.isPositive();
			assertThat(context.getBean(CostTotals.class).total()).isPositive();
			// no tracing here, so no span: span attributes are not computed
			assertThat(observationContext.getHighCardinalityKeyValue("llmobs.cost.usd")).isNull();
		});
	}

	@Test
	void nonPositiveLimitsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.tenant.max-values=0", "llmobs.tenant.max-values");
		assertStartupFailureNames("llmobs.stage.max-values=0", "llmobs.stage.max-values");
		assertStartupFailureNames("llmobs.model.max-values=0", "llmobs.model.max-values");
		assertStartupFailureNames("llmobs.task.max-values=0", "llmobs.task.max-values");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		StartupFailures.assertNames(this.runner, property, expectedName);
	}

	/**
	 * A model that answers every prompt with "hello", priced from the bundled catalog.
	 */
	static final class StubChatModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
			return response();
		}

		@Override
		public Flux<ChatResponse> stream(Prompt prompt) {
			return Flux.just(response());
		}

		static ChatResponse response() {
			return new ChatResponse(
					List.of(new Generation(new AssistantMessage("hello"),
							ChatGenerationMetadata.builder().finishReason("STOP").build())),
					ChatResponseMetadata.builder().model("gpt-4o-2024-08-06").usage(new DefaultUsage(100, 50)).build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationBoundedTags {

		@Bean
		BoundedTags application() {
			return new BoundedTags(new BoundedTagValues(1), new BoundedTagValues(1), new BoundedTagValues(1),
					new BoundedTagValues(1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationInstrumentationErrors {

		@Bean
		InstrumentationErrors application(MeterRegistry meterRegistry) {
			return new InstrumentationErrors(meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationCallAttributionResolver {

		@Bean
		CallAttributionResolver application(BoundedTags tags, InstrumentationErrors errors) {
			return new CallAttributionResolver("mine", tags.stages(), tags.tenants(), null, errors);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationLlmObs {

		@Bean
		LlmObs application(ObservationRegistry observationRegistry, MeterRegistry meterRegistry, BoundedTags tags,
				InstrumentationErrors errors) {
			return new LlmObs(observationRegistry, meterRegistry, tags.tasks(), errors, List.of());
		}

	}

}
