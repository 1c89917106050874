package io.llmobs.autoconfigure.context;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.chat.ChatModelMetricsHandler;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.chat.LlmObs;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextAccountant;
import io.llmobs.context.ContextCalibration;
import io.llmobs.context.ContextGuardAdvisor;
import io.llmobs.context.ContextMeters;
import io.llmobs.context.ContextObservationHandler;
import io.llmobs.context.ContextSpanEnricher;
import io.llmobs.context.ContextStats;
import io.llmobs.context.ContextWindowExceededException;
import io.llmobs.context.TokenCounter;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.test.ApplicationBeans;
import io.llmobs.test.CallerRunsExecutorService;
import io.llmobs.test.StartupFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The context-window accounting: what it creates, when it backs off, which of its beans an application replaces
 * and what its properties change.
 */
class LlmObsContextAutoConfigurationTests {

	/** A model of 1,000 tokens, so that a prompt of a few hundred characters uses a known part of it. */
	private static final String[] SMALL_MODEL = { "llmobs.models.small.match=small-.*",
			"llmobs.models.small.context-window=1000" };

	/** About 100 tokens, a tenth of the small model's window. */
	private static final String PROMPT = "one two three four ".repeat(20);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsChatAutoConfiguration.class,
				LlmObsContextAutoConfiguration.class));

	@Test
	void createsTheAccountingWithoutTheBlockGuard() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TokenCounter.class)
				.hasSingleBean(ContextCalibration.class)
				.hasSingleBean(ContextAccountant.class)
				.hasSingleBean(ContextMeters.class)
				.hasSingleBean(ContextStats.class)
				.hasSingleBean(ContextObservationHandler.class)
				.hasSingleBean(ContextSpanEnricher.class)
				.doesNotHaveBean(ContextGuardAdvisor.class);
			assertThat(context.getBean(LlmObs.class).advisors()).noneMatch(ContextGuardAdvisor.class::isInstance);
		});
	}

	@Test
	void backsOffWhenLlmObsIsDisabled() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TokenCounter.class));
	}

	@Test
	void contextAccountingCanBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.context.enabled=false", "llmobs.context.block-ratio=0.95")
			.run((context) -> assertThat(context).hasSingleBean(ChatModelMetricsHandler.class)
				.doesNotHaveBean(TokenCounter.class)
				.doesNotHaveBean(ContextObservationHandler.class)
				.doesNotHaveBean(ContextGuardAdvisor.class));
	}

	@Test
	void withoutJtokkitTheContextAccountingBacksOffAndTheRestWorks() {
		this.runner.withClassLoader(new FilteredClassLoader(Encoding.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ChatModelMetricsHandler.class)
				.doesNotHaveBean(ContextObservationHandler.class));
	}

	@Test
	void withoutCaffeineTheContextAccountingBacksOffAndTheRestWorks() {
		this.runner.withClassLoader(new FilteredClassLoader(Caffeine.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ChatModelMetricsHandler.class)
				.doesNotHaveBean(ContextObservationHandler.class));
	}

	@Test
	void withoutTheChatInstrumentationTheContextAccountingBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class, LlmObsContextAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ModelCatalog.class)
				.doesNotHaveBean(TokenCounter.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("applicationBeans")
	void applicationBeanReplacesOurs(Class<?> type, Class<?> applicationConfiguration) {
		ApplicationBeans.assertReplaceOurs(this.runner.withPropertyValues("llmobs.context.block-ratio=0.95"), type,
				applicationConfiguration);
	}

	static Stream<Arguments> applicationBeans() {
		return Stream.of(Arguments.of(TokenCounter.class, ApplicationTokenCounter.class),
				Arguments.of(ContextCalibration.class, ApplicationContextCalibration.class),
				Arguments.of(ContextAccountant.class, ApplicationContextAccountant.class),
				Arguments.of(ContextMeters.class, ApplicationContextMeters.class),
				Arguments.of(ContextStats.class, ApplicationContextStats.class),
				Arguments.of(ContextObservationHandler.class, ApplicationContextObservationHandler.class),
				Arguments.of(ContextSpanEnricher.class, ApplicationContextSpanEnricher.class),
				Arguments.of(ContextGuardAdvisor.class, ApplicationContextGuardAdvisor.class));
	}

	@Test
	void blockRatioAddsTheGuardToEveryLlmObsBuilder() {
		this.runner.withPropertyValues("llmobs.context.block-ratio=0.95").run((context) -> {
			assertThat(context).hasSingleBean(ContextGuardAdvisor.class);
			assertThat(context.getBean(LlmObs.class).advisors())
				.contains(context.getBean(ContextGuardAdvisor.class));
		});
	}

	@Test
	void callsAboveTheBlockRatioFailBeforeTheModelIsCalled() {
		AtomicInteger modelCalls = new AtomicInteger();
		ChatModel model = (prompt) -> {
			modelCalls.incrementAndGet();
			return response();
		};
		this.runner.withPropertyValues(SMALL_MODEL).withPropertyValues("llmobs.context.warn-ratio=0.05", "llmobs.context.block-ratio=0.05").run((context) -> {
			ChatClient client = context.getBean(LlmObs.class).chatClientBuilder(model).build();
			assertThatExceptionOfType(ContextWindowExceededException.class)
				.isThrownBy(() -> client.prompt(prompt()).call().content())
				.satisfies((ex) -> assertThat(ex.getWindow()).isEqualTo(1000));
			assertThat(modelCalls).hasValue(0);
		});
	}

	@Test
	void callsBelowTheBlockRatioReachTheModel() {
		AtomicInteger modelCalls = new AtomicInteger();
		ChatModel model = (prompt) -> {
			modelCalls.incrementAndGet();
			return response();
		};
		this.runner.withPropertyValues(SMALL_MODEL).withPropertyValues("llmobs.context.block-ratio=0.9").run((context) -> {
			ChatClient client = context.getBean(LlmObs.class).chatClientBuilder(model).build();
			assertThat(client.prompt(prompt()).call().content()).isEqualTo("ok");
			assertThat(modelCalls).hasValue(1);
		});
	}

	@Test
	void utilizationAtTheWarnRatioCountsAsAThresholdCrossing() {
		this.runner.withPropertyValues(SMALL_MODEL)
			.withPropertyValues("llmobs.context.warn-ratio=0.05")
			.run((context) -> assertThat(thresholdCrossingsOfOneCall(context)).isEqualTo(1));
	}

	@Test
	void utilizationBelowTheDefaultWarnRatioIsNoThresholdCrossing() {
		this.runner.withPropertyValues(SMALL_MODEL)
			.run((context) -> assertThat(thresholdCrossingsOfOneCall(context)).isZero());
	}

	@Test
	void cacheKeepsAtMostItsMaximumSize() {
		this.runner.withPropertyValues("llmobs.context.cache.max-size=2").run((context) -> {
			TokenCounter counter = context.getBean(TokenCounter.class);
			IntStream.range(0, 20)
				.forEach((i) -> counter.count(EncodingType.O200K_BASE, "text " + i, TokenCounter.Form.TEXT));
			await().untilAsserted(() -> assertThat(counter.cachedTexts()).isLessThanOrEqualTo(2));
		});
	}

	@Test
	void textsBeyondTheTokenizerQueueCapacityAreOnlyEstimated() {
		this.runner.withPropertyValues("llmobs.context.tokenizer.queue-capacity=1").run((context) -> {
			TokenCounter counter = context.getBean(TokenCounter.class);
			IntStream.range(0, 20)
				.forEach((i) -> counter.cachedCount(EncodingType.O200K_BASE, "text " + i, TokenCounter.Form.TEXT));
			assertThat(counter.droppedTexts()).isPositive();
		});
	}

	@Test
	void invalidContextSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.context.warn-ratio=1.5", "llmobs.context.warn-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0", "llmobs.context.block-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0.5", "Property: llmobs.context.block-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0.5", "must not be below llmobs.context.warn-ratio (0.8)");
		assertStartupFailureNames("llmobs.context.cache.max-size=0", "llmobs.context.cache.max-size");
		assertStartupFailureNames("llmobs.context.cache.expire-after-access=0s",
				"llmobs.context.cache.expire-after-access");
		assertStartupFailureNames("llmobs.context.tokenizer.queue-capacity=0",
				"llmobs.context.tokenizer.queue-capacity");
		assertStartupFailureNames("llmobs.context.calibration.smoothing=0", "llmobs.context.calibration.smoothing");
	}

	private void assertStartupFailureNames(String property, String expectedName) {
		StartupFailures.assertNames(this.runner, property, expectedName);
	}

	private static double thresholdCrossingsOfOneCall(ApplicationContext context) {
		ChatModelObservationContext observationContext = ChatModelObservationContext.builder()
			.prompt(prompt())
			.provider("acme")
			.build();
		Observation observation = Observation.start("gen_ai.client.operation", () -> observationContext,
				context.getBean(ObservationRegistry.class));
		observationContext.setResponse(response());
		observation.stop();
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		assertThat(meters.get("llmobs.context.utilization").summary().max()).isBetween(0.06, 0.2);
		return meters.get("llmobs.context.threshold.exceeded").counter().count();
	}

	private static Prompt prompt() {
		return new Prompt(PROMPT, ChatOptions.builder().model("small-1").build());
	}

	private static ChatResponse response() {
		return new ChatResponse(List.of(new Generation(new AssistantMessage("ok"))),
				ChatResponseMetadata.builder().model("small-1").build());
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationTokenCounter {

		@Bean(destroyMethod = "close")
		TokenCounter application() {
			return new TokenCounter(10, Duration.ofMinutes(1), 10, new CallerRunsExecutorService());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationContextCalibration {

		@Bean
		ContextCalibration application() {
			return new ContextCalibration(0.5);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationContextAccountant {

		@Bean
		ContextAccountant application(TokenCounter counter, ContextCalibration calibration, ModelCatalog catalog) {
			return new ContextAccountant(counter, calibration, catalog);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationContextMeters {

		@Bean
		ContextMeters application(MeterRegistry meterRegistry) {
			return new ContextMeters(meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationContextStats {

		@Bean
		ContextStats application(ContextMeters meters, ContextCalibration calibration, TokenCounter counter) {
			return new ContextStats(meters, calibration, counter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationContextObservationHandler {

		@Bean
		ContextObservationHandler application(ContextAccountant accountant, ModelCallAccounting modelCalls,
				ContextMeters meters, InstrumentationErrors errors) {
			return new ContextObservationHandler(accountant, modelCalls, meters, 0.5, errors);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationContextSpanEnricher {

		@Bean
		ContextSpanEnricher application(ContextAccountant accountant, InstrumentationErrors errors) {
			return new ContextSpanEnricher(accountant, errors);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationContextGuardAdvisor {

		@Bean
		ContextGuardAdvisor application(ContextAccountant accountant, CallAttributionResolver resolver,
				BoundedTags tags, ContextMeters meters, InstrumentationErrors errors) {
			return new ContextGuardAdvisor(accountant, 0.5, resolver, tags.models(), meters, errors);
		}

	}

}
