package io.llmobs.judge;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.chat.LlmObsParams;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sampled judge as an application runs it: full auto-configuration, Spring AI's OpenAI client over real HTTP to
 * a local server that plays both the application's model ({@code gpt-4o-mini}) and the judge ({@code gpt-4o}),
 * meters and OpenTelemetry spans. Every count is exact; the user's calls never wait for the judge.
 */
class SampledJudgeIntegrationTests {

	private static final String JUDGE_MODEL = "gpt-4o";

	private static final String ANSWER = "Parcels to Berlin arrive in two days.";

	private static final String VERDICT = """
			{"scores": {"faithfulness": 0.75, "relevance": 1.0}, "label": "pass", "explanation": "Supported.", \
			"failure_category": "none"}""";

	private static OpenAiCompatibleServer server;

	private final Deque<StubResponse> judgeReplies = new ArrayDeque<>();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs", "llmobs.judge.enabled=true",
				"llmobs.judge.model=" + JUDGE_MODEL, "llmobs.judge.sample-rate=1.0");

	@BeforeAll
	static void startServer() {
		server = OpenAiCompatibleServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@AfterEach
	void resetServer() {
		server.reset();
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
				.filter((span) -> span.getName().contains("chat_client") && !span.getTraceId()
					.equals(judgement.getSpanId()))
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

			server.enqueue(StubResponse.completion(ANSWER).chunks(4));
			String streamed = String.join("", chatClient(context).prompt("When?")
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(10)));
			assertThat(streamed).isEqualTo(ANSWER);
			await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 2);
			assertThat(judgeRequests().get(1).messages().get(1).path("content").asString())
				.as("a streamed answer is judged whole")
				.contains("## Question\nWhen?", "## Answer\n" + ANSWER + "\n");
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
					client.prompt("warm-up").advisors((advisors) -> advisors.param(LlmObsParams.JUDGE_SKIP, true))
						.call()
						.content();
					long slowest = 0;
					for (int i = 0; i < 5; i++) {
						long start = System.nanoTime();
						assertThat(ask(client, "question " + i)).isEqualTo(ANSWER);
						slowest = Math.max(slowest, System.nanoTime() - start);
					}
					assertThat(Duration.ofNanos(slowest)).as("the slowest user call while the judge takes 2 s")
						.isLessThan(Duration.ofMillis(500));
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
	void alwaysOnOutcomesAreJudgedWithoutSamplingWithinTheDailyBudget() {
		this.judgeReplies.add(StubResponse.completion(VERDICT).usage(10_000, 500));
		run(this.runner.withPropertyValues("llmobs.judge.sample-rate=0", "llmobs.judge.daily-budget-usd=0.01"),
				(context) -> {
					ChatClient client = chatClient(context);
					ask(client, "not sampled");
					server.enqueue(StubResponse.completion("Parcels to Berlin arrive in").finishReason("length"));
					ask(client, "truncated");
					server.enqueue(StubResponse.error(503, "overloaded"));
					try {
						ask(client, "failed");
					}
					catch (RuntimeException expected) {
						// the user's call fails as it would without llmobs
					}
					MeterRegistry meters = meters(context);
					await().atMost(Duration.ofSeconds(10)).until(() -> evaluations(meters, "scored") == 1);
					assertThat(totalEvaluations(meters)).as("only the truncated answer; the failed call has none")
						.isOne();
					assertThat(judgeRequests()).singleElement()
						.satisfies((request) -> assertThat(request.messages().get(1).path("content").asString())
							.contains("## Question\ntruncated"));
					assertThat(meters.get(JudgeMetricNames.FAILURES)
						.tags("category", "serving_bottleneck", "stage", "default")
						.counter()
						.count()).isOne();
					assertThat(context.getBean(JudgeBudget.class).spentTodayUsd())
						.as("10k in, 500 out at gpt-4o prices")
						.isCloseTo(0.03, Offset.offset(0.0001));
					server.enqueue(StubResponse.completion("Parcels").finishReason("length"));
					ask(client, "truncated again");
					assertThat(evaluations(meters, "dropped_budget")).isOne();
					assertThat(judgeRequests()).hasSize(1);
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
			return StubResponse.completion(ANSWER);
		});
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
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

	private static long totalEvaluations(MeterRegistry meters) {
		return (long) meters.get(JudgeMetricNames.EVALUATIONS).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

}
