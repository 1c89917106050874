package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.Map;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RedisServer;
import io.llmobs.test.SlowNetwork;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the shared state in a real Redis costs a model call's thread: at most one Redis
 * round trip waited for (the read of its budgets' spend), none for the judge, feedback
 * ids or new tag values; a bounded number of commands per call; and no span of its own
 * Redis commands in the call's trace, while the application's own are observed.
 */
class SharedStateRequestPathIntegrationTests {

	/** Far longer than a call to the local model server, so that each wait shows. */
	private static final Duration LATENCY = Duration.ofMillis(400);

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@RegisterExtension
	static final RedisServer redis = RedisServer.start();

	@RegisterExtension
	static final SlowNetwork network = SlowNetwork.to(redis.port(), LATENCY);

	private final ApplicationContextRunner application = TracedApplication.runner()
		.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "llmobs.shared-state.store=redis",
				"llmobs.budgets.enabled=true", "llmobs.budgets.tenants.acme.daily-usd=1000",
				"llmobs.budgets.stages.checkout.daily-usd=1000");

	@Test
	void aCallWaitsForOneRoundTripWithABudgetAndForNoneForTheJudgeFeedbackAndNewTagValues() {
		this.application
			.withPropertyValues("spring.data.redis.port=" + network.port(), "llmobs.shared-state.timeout=5s",
					"llmobs.judge.enabled=true", "llmobs.judge.model=gpt-4o", "llmobs.judge.sample-rate=1.0",
					"llmobs.judge.max-per-minute=1000")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ask(context, "acme", "checkout");
				for (int i = 0; i < 3; i++) {
					assertThat(timed(() -> ask(context, "acme", "checkout")))
						.as("the tenant's and the stage's spend read in one round trip")
						.isBetween(LATENCY, LATENCY.multipliedBy(2));
				}
				for (int i = 0; i < 3; i++) {
					String tenant = "new-" + i;
					assertThat(timed(() -> ask(context, tenant, "unbudgeted")))
						.as("no budget: judged, its id kept for feedback, a new tenant and stage, all without waiting")
						.isLessThan(LATENCY);
				}
				assertThat(context.getBean(MeterRegistry.class).get(RedisAvailability.FALLBACKS).counter().count())
					.as("Redis answered everything in time")
					.isZero();
			});
	}

	@Test
	void aCallWithABudgetSendsThreeCommandsAndNoSpanOfThem() {
		redis.flushAll();
		redis.resetStats();
		this.application.withPropertyValues("spring.data.redis.port=" + redis.port()).run((context) -> {
			assertThat(context).hasNotFailed();
			ask(context, "acme", "checkout");
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.alias("the first adds of the day, which set the expiry of the two keys")
				.until(() -> redis.commandCalls().getOrDefault("expire", 0L) == 2L);
			redis.resetStats();
			context.getBean(InMemorySpanExporter.class).reset();
			int calls = 20;
			for (int i = 0; i < calls; i++) {
				ask(context, "acme", "checkout");
			}
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> redis.commandCalls().getOrDefault("incrbyfloat", 0L) == 2L * calls);
			Map<String, Long> commands = redis.commandCalls();
			assertThat(commands).as("per call: the spend read, one add per budget, the id kept for feedback")
				.containsEntry("mget", (long) calls)
				.containsEntry("incrbyfloat", 2L * calls)
				.containsEntry("set", (long) calls)
				.doesNotContainKeys("expire", "get", "eval");
			assertThat(TracedApplication.spans(context)).extracting(SpanData::getName)
				.as("no span of llmobs's own Redis commands")
				.doesNotContain("mget", "incrbyfloat", "set", "expire");
			context.getBean(StringRedisTemplate.class).opsForValue().set("cart:42", "3 items");
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(TracedApplication.spans(context)).extracting(SpanData::getName)
					.as("the application's own commands are observed as before")
					.contains("set"));
		});
	}

	private static Duration timed(Runnable call) {
		long started = System.nanoTime();
		call.run();
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static void ask(AssertableApplicationContext context, String tenant, String stage) {
		context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("Hi")
			.advisors((a) -> a.param(LlmObsParams.TENANT, tenant).param(LlmObsParams.STAGE, stage))
			.call()
			.content();
	}

}
