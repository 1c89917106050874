package io.llmobs.boot3;

import java.time.Duration;
import java.util.function.BiConsumer;

import io.lettuce.core.tracing.MicrometerTracing;
import io.llmobs.budget.LlmBudgetExceededException;
import io.llmobs.core.LlmObsParams;
import io.llmobs.sharedstate.RedisAvailability;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RedisServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.llmobs.boot3.Boot3Application.chatClient;
import static io.llmobs.boot3.Boot3Application.meters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two replicas of a Spring Boot 3.5 application (two application contexts) against one
 * real Redis over Boot 3.5's Lettuce, with {@code llmobs.shared-state.store=redis}: a
 * tenant's budget spent on one blocks on the other, and llmobs's own Redis commands leave
 * no span in an application that traces its Lettuce commands, as Boot 3.5 does not by
 * itself.
 */
class Boot3SharedStateIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@RegisterExtension
	static final RedisServer redis = RedisServer.start();

	private final ApplicationContextRunner replica = Boot3Application.runner(server)
		.withUserConfiguration(TracedLettuce.class)
		.withPropertyValues("spring.data.redis.port=" + redis.port(), "llmobs.shared-state.store=redis",
				"llmobs.models.gpt-4o-mini.input-price=50000", "llmobs.models.gpt-4o-mini.output-price=100000",
				"llmobs.budgets.enabled=true", "llmobs.budgets.mode=block",
				"llmobs.budgets.tenants.acme.daily-usd=2.5");

	@Test
	void aTenantsBudgetSpentOnOneReplicaBlocksOnTheOtherAndLeavesNoSpanOfItsCommands() {
		server.reset();
		redis.flushAll();
		replicas((first, second) -> {
			ask(first);
			ask(second);
			ask(first);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fleetSpend() == 3);
			assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(second))
				.satisfies((ex) -> assertThat(ex.getSpentUsd()).isEqualTo(3));
			assertThatExceptionOfType(LlmBudgetExceededException.class).isThrownBy(() -> ask(first));
			assertThat(server.chatRequests()).hasSize(3);
			assertThat(meters(first).get(RedisAvailability.FALLBACKS).counter().count()).isZero();
			assertThat(TracedApplication.spans(first)).extracting(SpanData::getName)
				.as("no span of llmobs's own Redis commands")
				.contains("chat gpt-4o-mini")
				.doesNotContain("mget", "incrbyfloat", "set", "expire");
			first.getBean(StringRedisTemplate.class).opsForValue().set("cart:42", "3 items");
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(TracedApplication.spans(first)).extracting(SpanData::getName)
					.as("the application's own commands are traced")
					.contains("set"));
		});
	}

	private void replicas(BiConsumer<AssertableApplicationContext, AssertableApplicationContext> test) {
		Boot3Application.run(this.replica,
				(first) -> Boot3Application.run(this.replica, (second) -> test.accept(first, second)));
	}

	private static String ask(AssertableApplicationContext context) {
		return chatClient(context).prompt("Hi").advisors((a) -> a.param(LlmObsParams.TENANT, "acme")).call().content();
	}

	private static double fleetSpend() {
		long day = Math.floorDiv(System.currentTimeMillis(), Duration.ofDays(1).toMillis());
		String value = redis.get("llmobs:spend:" + day + ":budget:tenant:acme");
		return (value != null) ? Double.parseDouble(value) : 0;
	}

	/** Lettuce's command tracing, which a Boot 3.5 application configures itself. */
	@Configuration(proxyBeanMethods = false)
	static class TracedLettuce {

		@Bean
		ClientResourcesBuilderCustomizer lettuceTracing(ObservationRegistry observationRegistry) {
			return (resources) -> resources.tracing(new MicrometerTracing(observationRegistry, "boot3-app"));
		}

	}

}
