package io.llmobs.sharedstate;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiConsumer;

import io.llmobs.judge.JudgeMetricNames;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RedisServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampled judge on two replicas (two application contexts) against one real Redis and
 * one OpenAI-compatible server that plays the application's model and the judge
 * ({@code gpt-4o}, each verdict priced at exactly 1 USD): with
 * {@code llmobs.shared-state.store=redis} its per-minute limit and its daily budget are
 * exact for both together; with {@code local} each replica has its own. Calls are made
 * one at a time, each judgement settled before the next.
 */
class SharedJudgeIntegrationTests {

	private static final String VERDICT = """
			{"scores": {"faithfulness": 1.0, "relevance": 1.0}, "label": "pass", "explanation": "Fine.", \
			"failure_category": "none"}""";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@RegisterExtension
	static final RedisServer redis = RedisServer.start();

	private final ApplicationContextRunner replica = TracedApplication.runner()
		.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "spring.data.redis.port=" + redis.port(),
				"llmobs.judge.enabled=true", "llmobs.judge.model=gpt-4o", "llmobs.judge.sample-rate=1.0",
				"llmobs.models.gpt-4o.input-price=50000", "llmobs.models.gpt-4o.output-price=100000",
				"llmobs.shared-state.timeout=300ms");

	@Test
	void withRedisTheJudgesPerMinuteLimitHoldsForBothReplicas() {
		redis.flushAll();
		replicas("redis", "llmobs.judge.max-per-minute=2", (first, second) -> {
			for (AssertableApplicationContext replica : List.of(first, second, first, second, first)) {
				askAndSettle(replica);
			}
			assertThat(evaluations(first, "scored") + evaluations(second, "scored")).isEqualTo(2);
			assertThat(evaluations(first, "dropped_rate") + evaluations(second, "dropped_rate")).isEqualTo(3);
		});
	}

	@Test
	void locallyEachReplicaHasItsOwnPerMinuteLimit() {
		replicas("local", "llmobs.judge.max-per-minute=2", (first, second) -> {
			for (AssertableApplicationContext replica : List.of(first, second, first, second, first)) {
				askAndSettle(replica);
			}
			assertThat(evaluations(first, "scored")).isEqualTo(2);
			assertThat(evaluations(second, "scored")).isEqualTo(2);
		});
	}

	@Test
	void withRedisTheJudgesDailyBudgetHoldsForBothReplicas() {
		redis.flushAll();
		replicas("redis", "llmobs.judge.daily-budget-usd=2.5", (first, second) -> {
			for (AssertableApplicationContext replica : List.of(first, second, first, second, first)) {
				askAndSettle(replica);
				double scored = evaluations(first, "scored") + evaluations(second, "scored");
				Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> judgeSpend() == scored);
			}
			assertThat(evaluations(first, "scored") + evaluations(second, "scored")).isEqualTo(3);
			assertThat(evaluations(first, "dropped_budget") + evaluations(second, "dropped_budget")).isEqualTo(2);
		});
	}

	@Test
	void locallyEachReplicaHasItsOwnDailyBudget() {
		replicas("local", "llmobs.judge.daily-budget-usd=1.5", (first, second) -> {
			for (AssertableApplicationContext replica : List.of(first, second, first, second, first, second)) {
				askAndSettle(replica);
			}
			assertThat(evaluations(first, "scored")).isEqualTo(2);
			assertThat(evaluations(second, "scored")).isEqualTo(2);
		});
	}

	private void replicas(String store, String limit,
			BiConsumer<AssertableApplicationContext, AssertableApplicationContext> test) {
		server.reset();
		server.respondWith((request) -> StubResponse.completion("gpt-4o".equals(request.model()) ? VERDICT : "Fine."));
		// All permits of a test are taken within one minute window.
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> LocalTime.now(ZoneOffset.UTC).getSecond() < 30);
		ApplicationContextRunner runner = this.replica.withPropertyValues("llmobs.shared-state.store=" + store, limit);
		runner.run((first) -> runner.run((second) -> {
			assertThat(first).hasNotFailed();
			assertThat(second).hasNotFailed();
			test.accept(first, second);
		}));
	}

	private static void askAndSettle(AssertableApplicationContext replica) {
		double before = total(replica);
		replica.getBean(ChatClient.Builder.class).build().prompt("Hi").call().content();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> total(replica) == before + 1);
	}

	private static double total(AssertableApplicationContext replica) {
		return meters(replica).get(JudgeMetricNames.EVALUATIONS).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static double evaluations(AssertableApplicationContext replica, String outcome) {
		return meters(replica).get(JudgeMetricNames.EVALUATIONS).tag("outcome", outcome).counter().count();
	}

	private static double judgeSpend() {
		long day = Math.floorDiv(System.currentTimeMillis(), Duration.ofDays(1).toMillis());
		String value = redis.get("llmobs:spend:" + day + ":judge");
		return (value != null) ? Double.parseDouble(value) : 0;
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

}
