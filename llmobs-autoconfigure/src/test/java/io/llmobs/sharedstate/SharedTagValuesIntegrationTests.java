package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.function.BiConsumer;

import io.llmobs.core.BoundedTags;
import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RedisServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of one application (two application contexts, each with its own llmobs)
 * against one real Redis, with room for two tenants: with
 * {@code llmobs.shared-state.store=redis} they admit the same tenants, two for the whole
 * fleet; with {@code local} each admits its own two.
 */
class SharedTagValuesIntegrationTests {

	private static final Duration SYNC_INTERVAL = Duration.ofMillis(200);

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@RegisterExtension
	static final RedisServer redis = RedisServer.start();

	private final ApplicationContextRunner replica = TracedApplication.runner()
		.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "spring.data.redis.port=" + redis.port(),
				"llmobs.tenant.max-values=2", "llmobs.tenant.known-values=vip",
				"llmobs.shared-state.sync-interval=" + SYNC_INTERVAL.toMillis() + "ms",
				"llmobs.shared-state.timeout=300ms", "llmobs.shared-state.retry-interval=200ms");

	@Test
	void withRedisATenantAdmittedOnOneReplicaIsItselfOnTheOtherFromItsFirstCall() {
		redis.flushAll();
		replicas("redis", (first, second) -> {
			assertThat(askUntilTagged(first, "acme")).as("a new tenant is other until the fleet admits it")
				.isEqualTo(1);
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> second.getBean(BoundedTags.class).tenants().size() == 1);
			ask(second, "acme");
			assertThat(calls(second, "acme")).isEqualTo(1);
			assertThat(calls(second, "other")).isZero();
			assertThat(meters(second).find("llmobs.chat").tags("model", "gpt-4o-mini", "prompt", "greeting").timer())
				.as("the model and prompt the first replica's calls admitted")
				.isNotNull();
			assertThat(meters(first).get(RedisAvailability.FALLBACKS).counter().count()).isZero();
		});
	}

	@Test
	void withRedisTheFleetAdmitsNoMoreThanMaxValuesAndKnownValuesNeverFold() {
		redis.flushAll();
		replicas("redis", (first, second) -> {
			askUntilTagged(first, "acme");
			askUntilTagged(second, "globex");
			for (int i = 0; i < 5; i++) {
				ask(first, "initech");
				ask(second, "initech");
				sleepSyncInterval();
			}
			assertThat(calls(first, "initech")).as("the fleet is full on the first replica").isZero();
			assertThat(calls(second, "initech")).as("and on the second").isZero();
			assertThat(calls(first, "other") + calls(second, "other")).isGreaterThanOrEqualTo(10);
			ask(first, "vip");
			ask(second, "vip");
			assertThat(calls(first, "vip") + calls(second, "vip")).as("known tenants are never other").isEqualTo(2);
		});
	}

	@Test
	void withRedisTheConfiguredDefaultStageIsItselfFromTheFirstCall() {
		redis.flushAll();
		this.replica.withPropertyValues("llmobs.shared-state.store=redis", "llmobs.default-stage=answer")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ask(context, "vip");
				assertThat(meters(context).find("llmobs.chat").tag("stage", "answer").timer())
					.as("the stage of calls that name none is known, as on a single instance")
					.isNotNull();
				assertThat(meters(context).find("llmobs.chat").tag("stage", "other").timer()).isNull();
			});
	}

	@Test
	void locallyEachReplicaAdmitsItsOwnFirstTenants() {
		replicas("local", (first, second) -> {
			ask(first, "acme");
			ask(first, "globex");
			ask(second, "initech");
			ask(first, "initech");
			assertThat(calls(first, "acme")).as("admitted at once, no Redis").isEqualTo(1);
			assertThat(calls(second, "initech")).as("the second replica's own first tenant").isEqualTo(1);
			assertThat(calls(first, "other")).as("the first replica is full").isEqualTo(1);
		});
	}

	@Test
	void redisStoppedMidTestLeavesCallsUnaffectedAndTenantsAdmittedLocally() {
		redis.flushAll();
		replicas("redis", (first, second) -> {
			askUntilTagged(first, "acme");
			redis.stop();
			try {
				long started = System.nanoTime();
				for (int i = 0; i < 3; i++) {
					assertThat(ask(second, "globex")).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
				}
				assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no call waits for Redis")
					.isLessThan(Duration.ofSeconds(1));
				assertThat(askUntilTagged(second, "globex")).as("admitted by this replica alone, Redis down")
					.isPositive();
				assertThat(meters(second).get(RedisAvailability.FALLBACKS).counter().count()).isPositive();
			}
			finally {
				redis.restart();
			}
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.alias("a fresh Redis learns each replica's tenants again, and the first replica the second's")
				.until(() -> first.getBean(BoundedTags.class).tenants().size() == 2);
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

	/**
	 * Asks for a tenant until a call is tagged with it.
	 * @return the calls tagged {@code other} before
	 */
	private static long askUntilTagged(AssertableApplicationContext context, String tenant) {
		long otherBefore = calls(context, "other");
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
			ask(context, tenant);
			return calls(context, tenant) > 0;
		});
		return calls(context, "other") - otherBefore;
	}

	private static String ask(AssertableApplicationContext context, String tenant) {
		return context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("Hi")
			.advisors((a) -> a.param(LlmObsParams.TENANT, tenant).param(LlmObsParams.PROMPT_NAME, "greeting"))
			.call()
			.content();
	}

	private static long calls(AssertableApplicationContext context, String tenant) {
		return meters(context).find("llmobs.chat")
			.tag("tenant", tenant)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	private static void sleepSyncInterval() {
		Awaitility.await().pollDelay(SYNC_INTERVAL).until(() -> true);
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

}
