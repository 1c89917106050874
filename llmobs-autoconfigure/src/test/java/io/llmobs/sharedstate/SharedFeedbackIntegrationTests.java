package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.function.BiConsumer;

import io.llmobs.core.LlmObsParams;
import io.llmobs.feedback.FeedbackOutcome;
import io.llmobs.feedback.FeedbackRecorder;
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

/**
 * Feedback sent to a replica that did not serve the call: known there with
 * {@code llmobs.shared-state.store=redis} (its stage and time to good output from the
 * serving replica), unknown with {@code local}. The stage is known, as a fresh fleet tags
 * the first call of a new stage {@code other}.
 */
class SharedFeedbackIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@RegisterExtension
	static final RedisServer redis = RedisServer.start();

	private final ApplicationContextRunner replica = TracedApplication.runner()
		.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "spring.data.redis.port=" + redis.port(),
				"llmobs.shared-state.timeout=300ms", "llmobs.stage.known-values=quote");

	@Test
	void withRedisFeedbackOnTheSecondReplicaForACallServedByTheFirstIsKnown() {
		replicas("redis", (first, second) -> {
			String id = ask(first);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> redis.get("llmobs:feedback:" + id) != null);
			FeedbackRecorder feedback = second.getBean(FeedbackRecorder.class);
			assertThat(feedback.record(id, FeedbackOutcome.ACCEPTED)).isTrue();
			assertThat(feedback.record(id, FeedbackOutcome.ACCEPTED)).isTrue();
			MeterRegistry meters = second.getBean(MeterRegistry.class);
			assertThat(meters.get("llmobs.feedback").tags("outcome", "accepted", "stage", "quote").counter().count())
				.isEqualTo(2);
			assertThat(meters.get("llmobs.ttgo").tags("stage", "quote").timer().count()).as("the first accepted")
				.isOne();
			assertThat(second.getBean(FeedbackRecorder.class).record("chatcmpl-never-served", FeedbackOutcome.EDITED))
				.isFalse();
		});
	}

	@Test
	void locallyFeedbackOnAnotherReplicaIsUnknown() {
		replicas("local", (first, second) -> {
			String id = ask(first);
			assertThat(second.getBean(FeedbackRecorder.class).record(id, FeedbackOutcome.ACCEPTED)).isFalse();
			assertThat(first.getBean(FeedbackRecorder.class).record(id, FeedbackOutcome.ACCEPTED)).isTrue();
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
			.prompt("Quote Berlin.")
			.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
			.call()
			.chatResponse()
			.getMetadata()
			.getId();
	}

}
