package io.llmobs.autoconfigure.context;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.api.Encoding;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.chat.ChatInstrumentation;
import io.llmobs.chat.LlmObs;
import io.llmobs.context.ContextInstrumentation;
import io.llmobs.context.ContextStats;
import io.llmobs.context.ContextWindowExceededException;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.test.StartupFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.api.Advisor;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The context-window accounting: what it creates, when it backs off and what its
 * properties change.
 */
class LlmObsContextAutoConfigurationTests {

	/**
	 * A model of 1,000 tokens, so that a prompt of a few hundred characters uses a known
	 * part of it.
	 */
	private static final String[] SMALL_MODEL = { "llmobs.models.small.match=small-.*",
			"llmobs.models.small.context-window=1000" };

	/** The block guard's bean. */
	private static final String GUARD = "llmObsContextGuardAdvisor";

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
			assertThat(context).hasSingleBean(ContextInstrumentation.class).doesNotHaveBean(GUARD);
			ContextInstrumentation instrumentation = context.getBean(ContextInstrumentation.class);
			assertThat(context.getBean(ContextStats.class)).isSameAs(instrumentation.stats());
			assertThat(context.getBean("llmObsContextObservationHandler"))
				.isSameAs(instrumentation.observationHandler());
			assertThat(context.getBean("llmObsContextSpanEnricher")).isSameAs(instrumentation.spanEnricher());
			assertThat(context.getBean(LlmObs.class).advisors())
				.containsExactly(context.getBean(ChatInstrumentation.class).streamAdvisor());
		});
	}

	@Test
	void backsOffWhenLlmObsIsDisabled() {
		this.runner.withPropertyValues("llmobs.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ContextInstrumentation.class));
	}

	@Test
	void contextAccountingCanBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.context.enabled=false", "llmobs.context.block-ratio=0.95")
			.run((context) -> assertThat(context).hasSingleBean(ChatInstrumentation.class)
				.doesNotHaveBean(ContextInstrumentation.class)
				.doesNotHaveBean(GUARD));
	}

	@Test
	void withoutJtokkitTheContextAccountingBacksOffAndTheRestWorks() {
		this.runner.withClassLoader(new FilteredClassLoader(Encoding.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ChatInstrumentation.class)
				.doesNotHaveBean(ContextInstrumentation.class));
	}

	@Test
	void withoutCaffeineTheContextAccountingBacksOffAndTheRestWorks() {
		this.runner.withClassLoader(new FilteredClassLoader(Caffeine.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ChatInstrumentation.class)
				.doesNotHaveBean(ContextInstrumentation.class));
	}

	@Test
	void withoutTheChatInstrumentationTheContextAccountingBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
					LlmObsContextAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ModelCatalog.class)
				.doesNotHaveBean(ContextInstrumentation.class));
	}

	@Test
	void blockRatioAddsTheGuardToEveryLlmObsBuilder() {
		this.runner.withPropertyValues("llmobs.context.block-ratio=0.95").run((context) -> {
			assertThat(context).hasBean(GUARD);
			assertThat(context.getBean(LlmObs.class).advisors()).contains(context.getBean(GUARD, Advisor.class));
		});
	}

	@Test
	void callsAboveTheBlockRatioFailBeforeTheModelIsCalled() {
		AtomicInteger modelCalls = new AtomicInteger();
		ChatModel model = (prompt) -> {
			modelCalls.incrementAndGet();
			return response();
		};
		this.runner.withPropertyValues(SMALL_MODEL)
			.withPropertyValues("llmobs.context.warn-ratio=0.05", "llmobs.context.block-ratio=0.05")
			.run((context) -> {
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
		this.runner.withPropertyValues(SMALL_MODEL)
			.withPropertyValues("llmobs.context.block-ratio=0.9")
			.run((context) -> {
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
			IntStream.range(0, 20).forEach((i) -> observeModelCall(context, "text " + i));
			ContextStats stats = context.getBean(ContextStats.class);
			await().untilAsserted(() -> assertThat(stats.snapshot().cache().texts()).isBetween(1L, 2L));
		});
	}

	@Test
	void textsBeyondTheTokenizerQueueCapacityAreOnlyEstimated() {
		this.runner.withPropertyValues("llmobs.context.tokenizer.queue-capacity=1").run((context) -> {
			IntStream.range(0, 20).forEach((i) -> observeModelCall(context, "text " + i));
			assertThat(context.getBean(ContextStats.class).snapshot().cache().dropped()).isPositive();
		});
	}

	@Test
	void invalidContextSettingsFailNamingTheProperty() {
		assertStartupFailureNames("llmobs.context.warn-ratio=1.5", "llmobs.context.warn-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0", "llmobs.context.block-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0.5", "Property: llmobs.context.block-ratio");
		assertStartupFailureNames("llmobs.context.block-ratio=0.5",
				"must not be below llmobs.context.warn-ratio (0.8)");
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
		observeModelCall(context, PROMPT);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		assertThat(meters.get("llmobs.context.utilization").summary().max()).isBetween(0.06, 0.2);
		return meters.get("llmobs.context.threshold.exceeded").counter().count();
	}

	/**
	 * A model call as Spring AI observes it, through the application's observation
	 * registry.
	 */
	private static void observeModelCall(ApplicationContext context, String text) {
		ChatModelObservationContext observationContext = ChatModelObservationContext.builder()
			.prompt(new Prompt(text, ChatOptions.builder().model("small-1").build()))
			.provider("acme")
			.build();
		Observation observation = Observation.start("gen_ai.client.operation", () -> observationContext,
				context.getBean(ObservationRegistry.class));
		observationContext.setResponse(response());
		observation.stop();
	}

	private static Prompt prompt() {
		return new Prompt(PROMPT, ChatOptions.builder().model("small-1").build());
	}

	private static ChatResponse response() {
		return new ChatResponse(List.of(new Generation(new AssistantMessage("ok"))),
				ChatResponseMetadata.builder().model("small-1").build());
	}

}
