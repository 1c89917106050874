package io.llmobs.judge;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.ClassUtils;

import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The sampled judge as an application runs it: full auto-configuration, Spring AI's
 * OpenAI client over real HTTP to a local server that plays both the application's model
 * ({@code gpt-4o-mini}) and the judge ({@code gpt-4o}), meters and OpenTelemetry spans.
 * Every count is exact; the user's calls never wait for the judge.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampledJudgeIntegrationTests {

	private static final String JUDGE_MODEL = "gpt-4o";

	private static final String ANSWER = "Parcels to Berlin arrive in two days.";

	private static final String VERDICT = """
			{"scores": {"faithfulness": 0.75, "relevance": 1.0}, "label": "pass", "explanation": "Supported.", \
			"failure_category": "none"}""";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final Deque<StubResponse> judgeReplies = new ArrayDeque<>();

	private final Map<String, StubResponse> appReplies = new ConcurrentHashMap<>();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs", "llmobs.judge.enabled=true",
				"llmobs.judge.model=" + JUDGE_MODEL, "llmobs.judge.sample-rate=1.0");

	@AfterEach
	void resetServer() {
		server.reset();
	}

	@Test
	void scoresCarryThePromptNameAndVersionOfTheJudgedCall() {
		run(this.runner, (context) -> {
			chatClient(context).prompt("When does my parcel arrive?")
				.advisors((a) -> a.param(LlmObsParams.PROMPT_NAME, "eta").param(LlmObsParams.PROMPT_VERSION, "v2"))
				.call()
				.content();
			MeterRegistry meters = meters(context);
			await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 1);
			assertThat(meters.get(JudgeMetricNames.SCORE)
				.tags("criterion", "faithfulness", "prompt", "eta", "prompt_version", "v2")
				.summary()
				.totalAmount()).isEqualTo(0.75);
		});
	}

	@Test
	void sampledCallIsScoredInItsTraceAndTheJudgeIsNeverJudged() {
		run(this.runner, (context) -> {
			assertThat(ask(chatClient(context), "When does my parcel arrive?")).isEqualTo(ANSWER);
			MeterRegistry meters = meters(context);
			await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 1);
			DistributionSummary faithfulness = meters.get(JudgeMetricNames.SCORE)
				.tags("criterion", "faithfulness", "stage", "default", "model", "gpt-4o-mini")
				.summary();
			assertThat(faithfulness.count()).isOne();
			assertThat(faithfulness.totalAmount()).isEqualTo(0.75);
			assertThat(meters.get(JudgeMetricNames.SCORE).tag("criterion", "relevance").summary().totalAmount())
				.isEqualTo(1.0);
			assertThat(judgeRequests()).hasSize(1);
			RecordedRequest judged = judgeRequests().get(0);
			assertThat(judged.messages().get(0).path("content").asString()).contains("- faithfulness:",
					"\"scores\": {\"faithfulness\": 0.0, \"relevance\": 0.0}");
			assertThat(judged.messages().get(1).path("content").asString())
				.contains("## Question\nWhen does my parcel arrive?", "## Answer\n" + ANSWER);
			assertThat(meters.get("llmobs.cost").tag("stage", "judge").counter().count())
				.as("the judge's own call is priced at stage judge")
				.isPositive();
			assertThat(meters.get("llmobs.chat").tag("stage", "judge").timer().count()).isOne();
			assertThat(totalEvaluations(meters)).as("the judge's call was not judged").isOne();
			LlmObsEndpoint.LlmObsDescriptor endpoint = context.getBean(LlmObsEndpoint.class).llmobs();
			assertThat(endpoint.judge()).isNotNull();
			assertThat(endpoint.judge().evaluations()).containsEntry("scored", 1L);
			assertThat(endpoint.judge().budgetUsedTodayUsd()).isPositive();

			await().atMost(Duration.ofSeconds(10))
				.until(() -> spans(context).stream().anyMatch((span) -> span.getName().equals("llmobs.judge")));
			List<SpanData> spans = spans(context);
			SpanData judgement = TracedApplication.span(spans, "llmobs.judge");
			SpanData judgedCall = spans.stream()
				.filter((span) -> span.getName().contains("chat_client")
						&& !span.getTraceId().equals(judgement.getSpanId()))
				.filter((span) -> span.getSpanId().equals(judgement.getParentSpanId()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the judgement's parent is not the judged ChatClient span"));
			assertThat(judgement.getTraceId()).isEqualTo(judgedCall.getTraceId());
			List<EventData> events = judgement.getEvents();
			assertThat(events).extracting(EventData::getName)
				.containsExactly("gen_ai.evaluation.result", "gen_ai.evaluation.result");
			EventData first = events.get(0);
			assertThat(first.getAttributes().get(AttributeKey.stringKey("gen_ai.evaluation.name")))
				.isEqualTo("faithfulness");
			assertThat(first.getAttributes().get(AttributeKey.doubleKey("gen_ai.evaluation.score.value")))
				.isEqualTo(0.75);
			assertThat(first.getAttributes().get(AttributeKey.stringKey("gen_ai.evaluation.score.label")))
				.isEqualTo("pass");
			assertThat(first.getAttributes().get(AttributeKey.stringKey("gen_ai.evaluation.explanation")))
				.isEqualTo("Supported.");
			assertThat(spans).filteredOn((span) -> span.getName().equals("chat " + JUDGE_MODEL))
				.singleElement()
				.satisfies((span) -> assertThat(span.getTraceId()).isEqualTo(judgement.getTraceId()));

			this.appReplies.put("When?", StubResponse.completion(ANSWER).chunks(4));
			String streamed = String.join("",
					chatClient(context).prompt("When?").stream().content().collectList().block(Duration.ofSeconds(10)));
			assertThat(streamed).isEqualTo(ANSWER);
			await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 2);
			assertThat(judgeRequests().get(1).messages().get(1).path("content").asString())
				.as("a streamed answer is judged whole")
				.contains("## Question\nWhen?", "## Answer\n" + ANSWER + "\n");

			assertThat(chatClient(context).prompt("quote Berlin").tools(new QuoteTools()).call().content())
				.isEqualTo(ANSWER);
			await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 3);
			assertThat(judgeRequests().get(2).messages().get(1).path("content").asString())
				.as("what the tools returned is context")
				.contains("## Context\n[tool result 1] \"Berlin: 7.49 EUR\"\n");
		});
	}

	@Test
	void judgeScoresAndLimitsItsRateWithoutResilience4j() {
		run(this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j"))
			.withPropertyValues("llmobs.judge.max-per-minute=2"), (context) -> {
				assertThat(ClassUtils.isPresent("io.github.resilience4j.ratelimiter.RateLimiter",
						context.getClassLoader()))
					.isFalse();
				ChatClient client = chatClient(context);
				for (int i = 0; i < 3; i++) {
					assertThat(ask(client, "question " + i)).isEqualTo(ANSWER);
				}
				MeterRegistry meters = meters(context);
				assertThat(evaluations(meters, "dropped_rate")).isOne();
				await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 2);
				assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings()).containsEntry("judge.enabled",
						true);
			});
	}

	@Test
	void fencedVerdictsAreReadAndGarbageFailuresAndRatesAreCountedExactly() {
		this.judgeReplies.add(StubResponse.completion("Here is my verdict:\n```json\n" + VERDICT + "\n```\nThanks."));
		this.judgeReplies.add(StubResponse.completion("The answer looks fine to me."));
		this.judgeReplies.add(StubResponse.completion("{\"scores\": {\"faithfulness\": 3}}"));
		this.judgeReplies.add(StubResponse.error(500, "judge down"));
		run(this.runner.withPropertyValues("llmobs.judge.concurrency=1", "llmobs.judge.max-per-minute=4"),
				(context) -> {
					ChatClient client = chatClient(context);
					for (int i = 0; i < 6; i++) {
						assertThat(ask(client, "question " + i)).isEqualTo(ANSWER);
					}
					MeterRegistry meters = meters(context);
					assertThat(evaluations(meters, "dropped_rate")).isEqualTo(2);
					await().atMost(Duration.ofSeconds(10)).until(() -> totalEvaluations(meters) == 6);
					assertThat(evaluations(meters, "scored")).isOne();
					assertThat(evaluations(meters, "unparseable")).isEqualTo(2);
					assertThat(evaluations(meters, "error")).isOne();
					assertThat(meters.get(JudgeMetricNames.SCORE).tag("criterion", "faithfulness").summary().count())
						.isOne();
					assertThat(judgeRequests()).hasSize(4);
				});
	}

	@Test
	void slowJudgeDropsWhatItsQueueCannotHoldTimesOutAndNeverDelaysTheUser() {
		this.judgeReplies.add(StubResponse.completion(VERDICT).delay(Duration.ofSeconds(2)));
		this.judgeReplies.add(StubResponse.completion(VERDICT).delay(Duration.ofSeconds(2)));
		run(this.runner.withPropertyValues("llmobs.judge.concurrency=1", "llmobs.judge.queue-capacity=1",
				"llmobs.judge.timeout=1s"), (context) -> {
					ChatClient client = chatClient(context);
					client.prompt("warm-up")
						.advisors((advisors) -> advisors.param(LlmObsParams.JUDGE_SKIP, true))
						.call()
						.content();
					long slowest = 0;
					for (int i = 0; i < 5; i++) {
						long start = System.nanoTime();
						assertThat(ask(client, "question " + i)).isEqualTo(ANSWER);
						slowest = Math.max(slowest, System.nanoTime() - start);
					}
					assertThat(Duration.ofNanos(slowest)).as("the slowest user call while the judge takes 2 s")
						.isLessThan(Duration.ofSeconds(1));
					MeterRegistry meters = meters(context);
					assertThat(evaluations(meters, "dropped_queue_full")).isEqualTo(3);
					assertThat(meters.get(JudgeMetricNames.QUEUE).gauge().value()).isOne();
					await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "timeout") == 2);
					assertThat(totalEvaluations(meters)).isEqualTo(5);
					assertThat(meters.find(JudgeMetricNames.SCORE).summary()).as("late verdicts are discarded")
						.isNull();
				});
	}

	@Test
	void timedOutJudgementFreesItsSlotAtOnceAndAbandonsItsRequest() {
		int judgements = 8;
		int concurrency = 2;
		Duration timeout = Duration.ofMillis(300);
		Duration judgeAnswer = Duration.ofSeconds(3);
		for (int i = 0; i < judgements; i++) {
			this.judgeReplies.add(StubResponse.completion(VERDICT).delay(judgeAnswer));
		}
		run(this.runner.withPropertyValues("llmobs.judge.concurrency=" + concurrency,
				"llmobs.judge.timeout=" + timeout.toMillis() + "ms", "llmobs.judge.max-per-minute=1000",
				"spring.ai.openai.max-retries=2"), (context) -> {
					ChatClient client = chatClient(context);
					client.prompt("warm-up")
						.advisors((advisors) -> advisors.param(LlmObsParams.JUDGE_SKIP, true))
						.call()
						.content();
					MeterRegistry meters = meters(context);
					long start = System.nanoTime();
					long slowest = 0;
					for (int i = 0; i < judgements; i++) {
						long asked = System.nanoTime();
						assertThat(ask(client, "question " + i)).isEqualTo(ANSWER);
						slowest = Math.max(slowest, System.nanoTime() - asked);
					}
					await().atMost(judgeAnswer).until(() -> evaluations(meters, "timeout") == judgements);
					Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
					assertThat(threadsInHttpCalls()).as("no thread is left waiting for an abandoned answer").isEmpty();
					assertThat(Duration.ofNanos(slowest)).as("the slowest user call while the judge is busy")
						.isLessThan(Duration.ofSeconds(1));
					assertThat(elapsed)
						.as("%d judgements, %d at a time, each abandoned after %s", judgements, concurrency, timeout)
						.isLessThan(timeout.multipliedBy(judgements / concurrency).multipliedBy(2));
					await().atMost(Duration.ofSeconds(5))
						.until(() -> spans(context).stream()
							.filter((span) -> span.getName().equals("llmobs.judge"))
							.count() == judgements);
					assertThat(spans(context)).filteredOn((span) -> span.getName().equals("llmobs.judge"))
						.extracting((span) -> Duration.ofNanos(span.getEndEpochNanos() - span.getStartEpochNanos()))
						.as("no judgement holds its slot until the judge answers")
						.allSatisfy((held) -> assertThat(held).isLessThan(judgeAnswer.dividedBy(2)));
					await("abandoned requests are not retried").during(Duration.ofMillis(700))
						.atMost(Duration.ofSeconds(2))
						.until(() -> judgeRequests().size() == judgements);
					assertThat(totalEvaluations(meters)).isEqualTo(judgements);
				});
	}

	@Test
	void alwaysOnOutcomesAreJudgedWithoutSamplingWithinTheDailyBudget() {
		this.judgeReplies.add(StubResponse.completion(VERDICT).usage(100, 50));
		this.judgeReplies.add(StubResponse.completion(VERDICT).usage(10_000, 500));
		this.appReplies.put("truncated", StubResponse.completion("Parcels to").finishReason("length"));
		this.appReplies.put("truncated again", StubResponse.completion("Parcels").finishReason("length"));
		this.appReplies.put("failed", StubResponse.error(503, "overloaded"));
		run(this.runner.withPropertyValues("llmobs.judge.sample-rate=0", "llmobs.judge.daily-budget-usd=0.01"),
				(context) -> {
					ChatClient client = chatClient(context);
					MeterRegistry meters = meters(context);
					ask(client, "not sampled");
					assertThat(client.prompt("quote Berlin").tools(new FailingTools()).call().content())
						.isEqualTo(ANSWER);
					await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 1);
					ask(client, "truncated");
					await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 2);
					assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> ask(client, "failed"));
					ask(client, "truncated again");
					assertThat(evaluations(meters, "dropped_budget")).isOne();
					assertThat(totalEvaluations(meters)).as("not the unsampled call, nor the failed one without answer")
						.isEqualTo(3);
					assertThat(judgeRequests())
						.extracting((request) -> request.messages()
							.get(1)
							.path("content")
							.asString()
							.lines()
							.skip(1)
							.findFirst()
							.orElse(""))
						.containsExactly("quote Berlin", "truncated");
					assertThat(judgeRequests().get(0).messages().get(1).path("content").asString())
						.as("a failed tool returned nothing")
						.contains("## Context\n(none)");
					assertThat(context.getBean(SampledJudge.class).snapshot().budgetUsedTodayUsd())
						.as("100 + 10k in, 50 + 500 out at gpt-4o prices")
						.isCloseTo(0.03075, Offset.offset(1e-9));
					assertThat(failures(meters, "serving_bottleneck")).isOne();
					assertThat(failures(meters, "tool_failure")).isOne();
				});
	}

	@Test
	void judgeAnsweringAsAnUnpricedModelWarnsOnceThatTheBudgetCannotLimitIt(CapturedOutput output) {
		this.judgeReplies.add(StubResponse.completion(VERDICT).model("judge-proxy-1"));
		this.judgeReplies.add(StubResponse.completion(VERDICT).model("judge-proxy-1"));
		run(this.runner, (context) -> {
			assertThat(output).doesNotContain("cannot limit the judge");
			ChatClient client = chatClient(context);
			ask(client, "question 1");
			ask(client, "question 2");
			MeterRegistry meters = meters(context);
			await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 2);
			assertThat(context.getBean(SampledJudge.class).snapshot().budgetUsedTodayUsd()).isZero();
			assertThat(output).containsOnlyOnce("llmobs.judge.daily-budget-usd cannot limit the judge, whose calls "
					+ "count as free: the model catalog has no price for its model 'judge-proxy-1'; price it with "
					+ "llmobs.models.judge-proxy-1.input-price");
		});
	}

	private void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.respondWith((request) -> {
			if (JUDGE_MODEL.equals(request.model())) {
				synchronized (this.judgeReplies) {
					StubResponse reply = this.judgeReplies.poll();
					return (reply != null) ? reply : StubResponse.completion(VERDICT);
				}
			}
			JsonNode messages = request.messages();
			JsonNode last = messages.get(messages.size() - 1);
			if ("tool".equals(last.path("role").asString())) {
				return StubResponse.completion(ANSWER);
			}
			if (request.body().has("tools")) {
				return StubResponse.toolCall("call-1", "quote", "{\"destination\": \"Berlin\"}");
			}
			return this.appReplies.getOrDefault(last.path("content").asString(), StubResponse.completion(ANSWER));
		});
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	private static List<String> threadsInHttpCalls() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((thread) -> Arrays.stream(thread.getValue())
				.anyMatch((frame) -> frame.getClassName().equals("okhttp3.internal.connection.RealCall")))
			.map((thread) -> thread.getKey().getName())
			.toList();
	}

	private static String ask(ChatClient client, String question) {
		return client.prompt(question).call().content();
	}

	private static List<RecordedRequest> judgeRequests() {
		return server.chatRequests().stream().filter((request) -> JUDGE_MODEL.equals(request.model())).toList();
	}

	private static long evaluations(MeterRegistry meters, String outcome) {
		return (long) meters.get(JudgeMetricNames.EVALUATIONS).tag("outcome", outcome).counter().count();
	}

	private static long failures(MeterRegistry meters, String category) {
		return (long) meters.get(JudgeMetricNames.FAILURES)
			.tags("category", category, "stage", "default")
			.counter()
			.count();
	}

	private static long totalEvaluations(MeterRegistry meters) {
		return (long) meters.get(JudgeMetricNames.EVALUATIONS).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	static class QuoteTools {

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			return destination + ": 7.49 EUR";
		}

	}

	static class FailingTools {

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			throw new IllegalStateException("carrier API down");
		}

	}

}
