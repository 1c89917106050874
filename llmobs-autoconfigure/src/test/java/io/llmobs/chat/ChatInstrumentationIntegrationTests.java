package io.llmobs.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.core.LlmObsParams;
import io.llmobs.core.TenantResolver;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.doubleAttribute;
import static io.llmobs.test.TracedApplication.longAttribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The instrumentation as an application gets it: full auto-configuration, Spring AI's own
 * OpenAI client over real HTTP to a local OpenAI-compatible server, Micrometer metrics
 * and OpenTelemetry spans.
 */
class ChatInstrumentationIntegrationTests {

	private static final double INPUT_PRICE = 0.15;

	private static final double OUTPUT_PRICE = 0.60;

	private static final double CACHE_READ_PRICE = 0.075;

	private static final String SNAPSHOT = "gpt-4o-mini-2024-07-18";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("llmobs.models.gpt-4o-mini.input-price=" + INPUT_PRICE,
				"llmobs.models.gpt-4o-mini.output-price=" + OUTPUT_PRICE,
				"llmobs.models.gpt-4o-mini.cache-read-price=" + CACHE_READ_PRICE);

	private void run(Consumer<AssertableApplicationContext> test) {
		run(this.runner, test);
	}

	private static void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.reset();
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	@Test
	void callRecordsLatencyTokensCostAndFinishReasonByModelStageAndTenant() {
		run((context) -> {
			server.enqueue(StubResponse.completion("Paris").model(SNAPSHOT).usage(1_200, 300));
			String answer = chatClient(context).prompt("Capital of France?")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "generate").param(LlmObsParams.TENANT, "acme"))
				.call()
				.content();
			assertThat(answer).isEqualTo("Paris");
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.chat")
				.tags("model", SNAPSHOT, "provider", "openai", "stage", "generate", "tenant", "acme", "outcome",
						"success")
				.timer()
				.count()).isEqualTo(1);
			assertThat(tokens(meters, "generate", "input")).isEqualTo(1_200);
			assertThat(tokens(meters, "generate", "output")).isEqualTo(300);
			double expectedCost = (1_200 * INPUT_PRICE + 300 * OUTPUT_PRICE) / 1e6;
			assertThat(meters.get("llmobs.cost")
				.tags("model", SNAPSHOT, "stage", "generate", "tenant", "acme")
				.counter()
				.count()).isCloseTo(expectedCost, within(1e-12));
			assertThat(meters.get("llmobs.finish.reason").tags("stage", "generate", "reason", "stop").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void endpointReportsCatalogAndCostTotalsByModelAndStage() {
		run(this.runner.withPropertyValues("management.endpoints.web.exposure.include=llmobs"), (context) -> {
			server.enqueue(StubResponse.completion("a").model(SNAPSHOT).usage(1_000, 0),
					StubResponse.completion("b").model(SNAPSHOT).usage(3_000, 0));
			ChatClient client = chatClient(context);
			client.prompt("x").advisors((a) -> a.param(LlmObsParams.STAGE, "classify")).call().content();
			client.prompt("y").advisors((a) -> a.param(LlmObsParams.STAGE, "answer")).call().content();
			LlmObsEndpoint.LlmObsDescriptor descriptor = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(descriptor.catalog().date()).isNotBlank();
			assertThat(descriptor.catalog().size()).isEqualTo(descriptor.catalog().models().size()).isGreaterThan(50);
			assertThat(descriptor.catalog().models().get(0)).isEqualTo("gpt-4o-mini");
			assertThat(descriptor.cost().totalUsd()).isCloseTo(4_000 * INPUT_PRICE / 1e6, within(1e-12));
			assertThat(descriptor.cost().byStageUsd()).containsOnlyKeys("classify", "answer");
			assertThat(descriptor.cost().byStageUsd().get("answer")).isCloseTo(3_000 * INPUT_PRICE / 1e6,
					within(1e-12));
			assertThat(descriptor.cost().byModelUsd()).containsOnlyKeys(SNAPSHOT);
			assertThat(descriptor.settings()).containsEntry("tenant.max-values", 100);
			assertThat(descriptor.tags().get("stage")).isEqualTo(new LlmObsEndpoint.TagUsageDescriptor(2, 50));
		});
	}

	@Test
	void modelSpanCarriesSemanticConventionAndLlmObsAttributes() {
		run((context) -> {
			server.enqueue(StubResponse.completion("ok").model(SNAPSHOT).usage(1_000, 100).cachedTokens(400));
			chatClient(context).prompt("hi").advisors((a) -> a.param(LlmObsParams.STAGE, "classify")).call().content();
			List<SpanData> spans = spans(context);
			SpanData model = span(spans, "chat gpt-4o-mini");
			assertThat(attribute(model, "gen_ai.provider.name")).isEqualTo("openai");
			assertThat(longAttribute(model, "gen_ai.usage.input_tokens")).isEqualTo(1000);
			assertThat(longAttribute(model, "gen_ai.usage.output_tokens")).isEqualTo(100);
			assertThat(longAttribute(model, "gen_ai.usage.cache_read.input_tokens")).isEqualTo(400);
			assertThat(model.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
				.containsExactly("stop");
			assertThat(attribute(model, "llmobs.stage")).isEqualTo("classify");
			assertThat(attribute(model, "llmobs.tenant")).isEqualTo("none");
			double expectedCost = (600 * INPUT_PRICE + 400 * CACHE_READ_PRICE + 100 * OUTPUT_PRICE) / 1e6;
			assertThat(doubleAttribute(model, "llmobs.cost.usd")).isCloseTo(expectedCost, within(1e-12));
			SpanData client = spans.stream()
				.filter((span) -> "classify".equals(attribute(span, "llmobs.stage")) && span != model
						&& span.getName().contains("chat_client"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no ChatClient span with llmobs.stage in " + spans));
			assertThat(client.getTraceId()).isEqualTo(model.getTraceId());
			assertThat(spans.stream().filter((span) -> span.getName().equals("chat gpt-4o-mini"))).hasSize(1);
		});
	}

	@Test
	void llmObsAttributesAreWrittenOnTheSpanOnceNotKeptAsKeyValuesToo() {
		run(this.runner.withUserConfiguration(StoppedModelCalls.class), (context) -> {
			server.enqueue(StubResponse.completion("ok").model(SNAPSHOT).usage(1_000, 100));
			chatClient(context).prompt("hi").advisors((a) -> a.param(LlmObsParams.STAGE, "classify")).call().content();
			SpanData model = span(spans(context), "chat gpt-4o-mini");
			ChatModelObservationContext stopped = context.getBean(StoppedModelCalls.class).last();
			for (String key : List.of("llmobs.stage", "llmobs.tenant", "llmobs.agent.iteration", "llmobs.cost.usd",
					"llmobs.context.tokens.user_input", "llmobs.context.utilization")) {
				assertThat(model.getAttributes().asMap().keySet()).as(key)
					.anyMatch((name) -> name.getKey().equals(key));
				assertThat(stopped.getHighCardinalityKeyValue(key)).as(key).isNull();
			}
			// A value that replaces the convention's stays a key value: the tracer writes
			// key values last, and the exported span has it typed.
			assertThat(model.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
				.containsExactly("stop");
			assertThat(stopped.getHighCardinalityKeyValue("gen_ai.response.finish_reasons").getValue())
				.isEqualTo("[\"stop\"]");
		});
	}

	@Test
	void cachedTokensArePricedAtTheCachePrice() {
		run((context) -> {
			server.enqueue(StubResponse.completion("ok").model(SNAPSHOT).usage(10_000, 0).cachedTokens(8_000));
			chatClient(context).prompt("hi").advisors((a) -> a.param(LlmObsParams.STAGE, "cached")).call().content();
			MeterRegistry meters = meters(context);
			assertThat(tokens(meters, "cached", "cache_read")).isEqualTo(8_000);
			assertThat(meters.get("llmobs.cost").tag("stage", "cached").counter().count())
				.isCloseTo((2_000 * INPUT_PRICE + 8_000 * CACHE_READ_PRICE) / 1e6, within(1e-12));
		});
	}

	@Test
	void reasoningTokensAreCountedFromTheNativeUsage() {
		run((context) -> {
			server.enqueue(StubResponse.completion("ok").model(SNAPSHOT).usage(50, 500).reasoningTokens(420));
			chatClient(context).prompt("think").advisors((a) -> a.param(LlmObsParams.STAGE, "reason")).call().content();
			assertThat(tokens(meters(context), "reason", "reasoning")).isEqualTo(420);
			assertThat(tokens(meters(context), "reason", "output")).isEqualTo(500);
		});
	}

	@Test
	void streamRecordsTimeToFirstTokenAndTheUsageOfItsLastChunk() {
		run((context) -> {
			server.enqueue(StubResponse.completion("one two three four")
				.model(SNAPSHOT)
				.usage(700, 40)
				.chunks(4)
				.chunkDelay(Duration.ofMillis(30)));
			String streamed = chatClient(context).prompt("count")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "stream"))
				.stream()
				.content()
				.collect(Collectors.joining())
				.block(Duration.ofSeconds(10));
			assertThat(streamed).isEqualTo("one two three four");
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.chat.ttft").tags("stage", "stream", "provider", "openai").timer().count())
				.isEqualTo(1);
			assertThat(meters.get("llmobs.chat").tags("stage", "stream", "outcome", "success").timer().count())
				.isEqualTo(1);
			double ttft = meters.get("llmobs.chat.ttft")
				.tag("stage", "stream")
				.timer()
				.totalTime(TimeUnit.MILLISECONDS);
			double total = meters.get("llmobs.chat").tag("stage", "stream").timer().totalTime(TimeUnit.MILLISECONDS);
			assertThat(ttft).isLessThan(total);
			// Spring AI stops the model observation after the stream has signalled
			// completion downstream
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(tokens(meters, "stream", "input")).isEqualTo(700);
				assertThat(tokens(meters, "stream", "output")).isEqualTo(40);
			});
		});
	}

	@Test
	void cancelledAndFailedStreamsHaveTheirOwnOutcomes() {
		run((context) -> {
			server.enqueue(
					StubResponse.completion("a b c d e f").model(SNAPSHOT).chunks(6).chunkDelay(Duration.ofMillis(20)),
					StubResponse.error(500, "boom"));
			ChatClient client = chatClient(context);
			assertThat(client.prompt("x")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "streams"))
				.stream()
				.content()
				.filter((text) -> !text.isEmpty())
				.take(1)
				.collectList()
				.block(Duration.ofSeconds(10))).hasSize(1);
			assertThatException().isThrownBy(() -> client.prompt("y")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "streams"))
				.stream()
				.content()
				.blockLast(Duration.ofSeconds(10)));
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.chat").tags("stage", "streams", "outcome", "cancelled").timer().count())
				.isEqualTo(1);
			assertThat(meters.get("llmobs.chat").tags("stage", "streams", "outcome", "error").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void concurrentCallsAreCountedExactly() {
		run((context) -> {
			ChatClient client = chatClient(context);
			List<String> tenants = List.of("acme", "globex", "initech");
			IntStream.range(0, 30)
				.parallel()
				.forEach((i) -> client.prompt("q" + i)
					.advisors((a) -> a.param(LlmObsParams.STAGE, "parallel")
						.param(LlmObsParams.TENANT, tenants.get(i % 3)))
					.call()
					.content());
			MeterRegistry meters = meters(context);
			for (String tenant : tenants) {
				assertThat(meters.get("llmobs.chat").tags("stage", "parallel", "tenant", tenant).timer().count())
					.isEqualTo(10);
				assertThat(meters.get("llmobs.tokens")
					.tags("stage", "parallel", "tenant", tenant, "type", "input")
					.counter()
					.count()).isEqualTo(10 * 10);
			}
		});
	}

	@Test
	void serverErrorsAndRateLimitsAreCountedAsErrorOutcomes() {
		run((context) -> {
			server.enqueue(StubResponse.error(500, "boom"), StubResponse.error(429, "slow down"));
			ChatClient client = chatClient(context);
			for (int i = 0; i < 2; i++) {
				assertThatException().isThrownBy(() -> client.prompt("hi")
					.advisors((a) -> a.param(LlmObsParams.STAGE, "failing"))
					.call()
					.content());
			}
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.chat").tags("stage", "failing", "outcome", "error").timer().count())
				.isEqualTo(2);
			assertThat(Search.in(meters).name("llmobs.tokens").tag("stage", "failing").counters()).isEmpty();
		});
	}

	@Test
	void lengthFinishReasonIsTheMaxTokensCanary() {
		run((context) -> {
			server.enqueue(StubResponse.completion("truncat").model(SNAPSHOT).finishReason("length"));
			chatClient(context).prompt("essay").advisors((a) -> a.param(LlmObsParams.STAGE, "long")).call().content();
			assertThat(meters(context).get("llmobs.finish.reason")
				.tags("stage", "long", "reason", "length", "model", SNAPSHOT)
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void responseWithoutUsageIsCountedNotPricedAtZero() {
		run((context) -> {
			server.enqueue(StubResponse.completion("ok").model(SNAPSHOT).noUsage());
			chatClient(context).prompt("hi").advisors((a) -> a.param(LlmObsParams.STAGE, "nousage")).call().content();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.usage.missing").tags("model", SNAPSHOT).counter().count()).isEqualTo(1);
			assertThat(Search.in(meters).name("llmobs.cost").tag("stage", "nousage").counters()).isEmpty();
		});
	}

	@Test
	void failedAndCancelledCallsAreNotCountedAsUsageMissing() {
		run((context) -> {
			server.enqueue(StubResponse.error(500, "boom"), StubResponse.error(500, "boom"),
					StubResponse.completion("a b c d e f").model(SNAPSHOT).chunks(6).chunkDelay(Duration.ofMillis(20)),
					StubResponse.completion("ok").model(SNAPSHOT).noUsage());
			ChatClient client = chatClient(context);
			assertThatException().isThrownBy(() -> client.prompt("x").call().content());
			assertThatException()
				.isThrownBy(() -> client.prompt("y").stream().content().blockLast(Duration.ofSeconds(10)));
			assertThat(client.prompt("z")
				.stream()
				.content()
				.filter((text) -> !text.isEmpty())
				.blockFirst(Duration.ofSeconds(10))).isNotEmpty();
			client.prompt("w").stream().content().blockLast(Duration.ofSeconds(10));
			MeterRegistry meters = meters(context);
			// the model observation of a stream stops after the stream has signalled its
			// end downstream
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(Search.in(meters).name("llmobs.usage.missing").counters())
					.extracting((counter) -> counter.getId().getTag("model"), Counter::count)
					.containsExactly(tuple(SNAPSHOT, 1.0)));
		});
	}

	@Test
	void unknownModelIsCountedAsUnpriced() {
		run((context) -> {
			server.enqueue(StubResponse.completion("ok").model("acme-llm-9000").usage(100, 10));
			chatClient(context).prompt("hi")
				.options(OpenAiChatOptions.builder().model("acme-llm-9000"))
				.advisors((a) -> a.param(LlmObsParams.STAGE, "unknown"))
				.call()
				.content();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.cost.unpriced")
				.tags("model", "acme-llm-9000", "provider", "openai")
				.counter()
				.count()).isEqualTo(1);
			assertThat(tokens(meters, "unknown", "input")).isEqualTo(100);
			assertThat(Search.in(meters).name("llmobs.cost").tag("stage", "unknown").counters()).isEmpty();
		});
	}

	@Test
	void taskGroupsCallsUnderOneSpanWithTheirSummedCost() {
		run((context) -> {
			server.enqueue(StubResponse.completion("shipping").model(SNAPSHOT).usage(1_000, 10),
					StubResponse.completion("$12").model(SNAPSHOT).usage(2_000, 50));
			LlmObs llmObs = context.getBean(LlmObs.class);
			ChatClient client = chatClient(context);
			try (LlmTask task = llmObs.task("shipping-quote")) {
				client.prompt("classify").advisors((a) -> a.param(LlmObsParams.STAGE, "classify")).call().content();
				client.prompt("quote").advisors((a) -> a.param(LlmObsParams.STAGE, "generate")).call().content();
				task.success();
			}
			double expectedCost = (3_000 * INPUT_PRICE + 60 * OUTPUT_PRICE) / 1e6;
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.task").tags("task", "shipping-quote", "outcome", "success").timer().count())
				.isEqualTo(1);
			assertThat(meters.get("llmobs.task.cost")
				.tags("task", "shipping-quote", "outcome", "success")
				.summary()
				.totalAmount()).isCloseTo(expectedCost, within(1e-12));
			List<SpanData> spans = spans(context);
			SpanData task = span(spans, "llmobs.task");
			assertThat(doubleAttribute(task, "llmobs.cost.usd")).isCloseTo(expectedCost, within(1e-12));
			List<SpanData> modelSpans = spans.stream()
				.filter((span) -> span.getName().equals("chat gpt-4o-mini"))
				.toList();
			assertThat(modelSpans).hasSize(2)
				.allSatisfy((span) -> assertThat(span.getTraceId()).isEqualTo(task.getTraceId()));
		});
	}

	@Test
	void taskClosedWithoutSuccessIsAnError() {
		run((context) -> {
			try (LlmTask task = context.getBean(LlmObs.class).task("abandoned-quote")) {
				chatClient(context).prompt("hi").call().content();
			}
			assertThat(meters(context).get("llmobs.task.cost")
				.tags("task", "abandoned-quote", "outcome", "error")
				.summary()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void handBuiltClientIsInstrumentedWithTheOneLiner() {
		run((context) -> {
			ChatClient client = context.getBean(LlmObs.class)
				.chatClientBuilder(context.getBean(ChatModel.class))
				.build();
			client.prompt("hi").advisors((a) -> a.param(LlmObsParams.STAGE, "handbuilt")).call().content();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.chat").tags("stage", "handbuilt", "provider", "openai").timer().count())
				.isEqualTo(1);
			assertThat(tokens(meters, "handbuilt", "input")).isEqualTo(10);
		});
	}

	@Test
	void tenantComesFromTheTenantResolverAndIsBounded() {
		run(this.runner.withUserConfiguration(TenantFromContext.class).withPropertyValues("llmobs.tenant.max-values=2"),
				(context) -> {
					ChatClient client = chatClient(context);
					for (String tenant : List.of("t1", "t2", "t3", "t4")) {
						TenantFromContext.CURRENT.set(tenant);
						client.prompt("hi").advisors((a) -> a.param(LlmObsParams.STAGE, "tenants")).call().content();
					}
					TenantFromContext.CURRENT.remove();
					MeterRegistry meters = meters(context);
					Map<String, Long> byTenant = Search.in(meters)
						.name("llmobs.chat")
						.tag("stage", "tenants")
						.timers()
						.stream()
						.collect(Collectors.toMap((timer) -> timer.getId().getTag("tenant"), (timer) -> timer.count()));
					assertThat(byTenant).containsExactlyInAnyOrderEntriesOf(Map.of("t1", 1L, "t2", 1L, "other", 2L));
				});
	}

	@Test
	void failureInsideTheInstrumentationNeverBreaksTheCall() {
		run(this.runner.withUserConfiguration(FailingTenantResolver.class), (context) -> {
			String answer = chatClient(context).prompt("hi")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "resilient"))
				.call()
				.content();
			assertThat(answer).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
			MeterRegistry meters = meters(context);
			assertThat(
					meters.get("llmobs.instrumentation.errors").tag("component", "tenant_resolver").counter().count())
				.isEqualTo(1);
			assertThat(meters.get("llmobs.chat").tags("stage", "resilient", "tenant", "none").timer().count())
				.isEqualTo(1);
		});
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	private static double tokens(MeterRegistry meters, String stage, String type) {
		return meters.get("llmobs.tokens").tags("stage", stage, "type", type).counter().count();
	}

	/**
	 * Keeps the model observations as the application's own handlers see them when they
	 * stop.
	 */
	static class StoppedModelCalls implements ObservationHandler<ChatModelObservationContext> {

		private final List<ChatModelObservationContext> stopped = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(ChatModelObservationContext context) {
			this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ChatModelObservationContext;
		}

		ChatModelObservationContext last() {
			assertThat(this.stopped).isNotEmpty();
			return this.stopped.get(this.stopped.size() - 1);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TenantFromContext {

		static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

		@Bean
		TenantResolver tenantResolver() {
			return CURRENT::get;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingTenantResolver {

		@Bean
		TenantResolver tenantResolver() {
			return () -> {
				throw new IllegalStateException("tenant store down");
			};
		}

	}

}
