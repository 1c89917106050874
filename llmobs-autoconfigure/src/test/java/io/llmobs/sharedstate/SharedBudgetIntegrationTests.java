package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.function.BiConsumer;

import io.llmobs.budget.LlmBudgetExceededException;
import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RedisServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two replicas of one application (two application contexts, each with its own llmobs)
 * against one real Redis and one OpenAI-compatible server whose every answer costs
 * exactly 1 USD: with {@code llmobs.shared-state.store=redis} a tenant's budget holds for
 * both; with {@code local} each has its own.
 */
class SharedBudgetIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@RegisterExtension
	static final RedisServer redis = RedisServer.start();

	private final ApplicationContextRunner replica = TracedApplication.runner()
		.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "spring.data.redis.port=" + redis.port(),
				"llmobs.models.gpt-4o-mini.input-price=50000", "llmobs.models.gpt-4o-mini.output-price=100000",
				"llmobs.budgets.enabled=true", "llmobs.budgets.mode=block", "llmobs.budgets.tenants.acme.daily-usd=2.5",
				"llmobs.shared-state.timeout=300ms", "llmobs.shared-state.retry-interval=200ms");

	@Test
	void withRedisATenantsBudgetBlocksOnBothReplicasOnceSpentOnEither() {
		redis.flushAll();
		replicas("redis", (first, second) -> {
			ask(first);
			ask(second);
			ask(first);
			awaitFleetSpend(3);
			assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(second))
				.satisfies((ex) -> assertThat(ex.getSpentUsd()).isEqualTo(3));
			assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(first));
			assertThat(server.chatRequests()).hasSize(3);
			assertThat(meters(first).get(RedisAvailability.FALLBACKS).counter().count()).isZero();
		});
	}

	@Test
	void locallyEachReplicaHasItsOwnBudget() {
		replicas("local", (first, second) -> {
			ask(first);
			ask(first);
			ask(first);
			assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(first));
			for (int i = 0; i < 3; i++) {
				assertThat(ask(second)).as("the second replica's own budget").isNotNull();
			}
			assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(second));
			assertThat(server.chatRequests()).as("2.5 USD a day became 6 USD on two replicas").hasSize(6);
		});
	}

	@Test
	void redisStoppedMidTestNeitherFailsNorDelaysCallsAndIsUsedAgainWhenBack() {
		redis.flushAll();
		replicas("redis", (first, second) -> {
			ask(first);
			awaitFleetSpend(1);
			redis.stop();
			try {
				long started = System.nanoTime();
				assertThat(ask(first)).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("at most one timeout")
					.isLessThan(Duration.ofMillis(300 + 1000));
				assertThatExceptionOfType(LlmBudgetExceededException.class)
					.as("this replica's own spend (the fleet's 1 USD last read, plus its own) still counts")
					.isThrownBy(() -> {
						ask(first);
						ask(first);
					});
				assertThat(ask(second)).as("the second replica knew nothing spent").isNotNull();
				assertThat(meters(first).get(RedisAvailability.FALLBACKS).counter().count()).isPositive();
			}
			finally {
				redis.restart();
			}
			Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				ask(second);
				assertThat(fleetSpend()).as("a fresh Redis counts again").isPositive();
			});
		});
	}

	@Test
	void aSlowRedisDelaysACallByTheTimeoutAtMost() {
		redis.flushAll();
		replicas("redis", (first, second) -> {
			ask(first);
			awaitFleetSpend(1);
			redis.sleep(Duration.ofSeconds(3));
			long started = System.nanoTime();
			assertThat(ask(second)).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
			assertThat(ask(second)).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one timeout, then Redis is left alone")
				.isLessThan(Duration.ofMillis(300 + 1000));
			assertThat(meters(second).get(RedisAvailability.FALLBACKS).counter().count()).isPositive();
		});
	}

	@Test
	void aFlushedRedisStartsTheDayAgain() {
		redis.flushAll();
		replicas("redis", (first, second) -> {
			ask(first);
			ask(first);
			ask(first);
			awaitFleetSpend(3);
			assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(second));
			redis.flushAll();
			assertThat(ask(second)).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
			assertThat(ask(first)).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
		});
	}

	private void replicas(String store, BiConsumer<AssertableApplicationContext, AssertableApplicationContext> test) {
		server.reset();
		ApplicationContextRunner runner = this.replica.withPropertyValues("llmobs.shared-state.store=" + store);
		runner.run((first) -> runner.run((second) -> {
			assertThat(first).hasNotFailed();
			assertThat(second).hasNotFailed();
			test.accept(first, second);
		}));
	}

	private static String ask(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("Hi")
			.advisors((a) -> a.param(LlmObsParams.TENANT, "acme"))
			.call()
			.content();
	}

	private static void awaitFleetSpend(double usd) {
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fleetSpend() == usd);
	}

	private static double fleetSpend() {
		long day = Math.floorDiv(System.currentTimeMillis(), Duration.ofDays(1).toMillis());
		String value = redis.get("llmobs:spend:" + day + ":budget:tenant:acme");
		return (value != null) ? Double.parseDouble(value) : 0;
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

}
