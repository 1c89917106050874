package io.llmobs.feedback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback and guardrail verdicts as an application gets them: full auto-configuration,
 * Spring AI's OpenAI client over real HTTP to a local OpenAI-compatible server,
 * Micrometer Tracing over OpenTelemetry, and a mock clock that drives both the time to
 * good output and the expiry of ids.
 */
class FeedbackIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withUserConfiguration(MockClockConfiguration.class)
		.withPropertyValues("llmobs.feedback.cache.expire-after-write=10m");

	@Test
	void acceptedFeedbackOnAResponseIdRecordsTheTimeToGoodOutputOnce() {
		run((context) -> {
			ChatResponse response = chatClient(context).prompt("Quote Berlin, 2 kg.")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
				.call()
				.chatResponse();
			String id = response.getMetadata().getId();
			assertThat(id).startsWith("chatcmpl-stub");
			clock(context).add(Duration.ofSeconds(42));
			FeedbackRecorder feedback = context.getBean(FeedbackRecorder.class);
			assertThat(feedback.record(id, FeedbackOutcome.ACCEPTED)).isTrue();
			clock(context).add(Duration.ofSeconds(10));
			assertThat(feedback.record(id, FeedbackOutcome.ACCEPTED)).isTrue();
			assertThat(feedback.record(id, FeedbackOutcome.THUMBS_UP)).isTrue();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.feedback").tags("outcome", "accepted", "stage", "quote").counter().count())
				.isEqualTo(2);
			assertThat(meters.get("llmobs.feedback").tags("outcome", "thumbs_up", "stage", "quote").counter().count())
				.isOne();
			Timer ttgo = meters.get("llmobs.ttgo").tags("stage", "quote").timer();
			assertThat(ttgo.count()).as("only the first accepted").isOne();
			assertThat(ttgo.totalTime(TimeUnit.SECONDS)).isEqualTo(42);
		});
	}

	@Test
	void unknownAndExpiredIdsAreCountedNotThrown() {
		run((context) -> {
			String id = chatClient(context).prompt("Hi").call().chatResponse().getMetadata().getId();
			FeedbackRecorder feedback = context.getBean(FeedbackRecorder.class);
			assertThat(feedback.record("chatcmpl-never-seen", FeedbackOutcome.THUMBS_DOWN)).isFalse();
			clock(context).add(Duration.ofMinutes(9));
			assertThat(feedback.record(id, FeedbackOutcome.THUMBS_UP)).as("within 10 minutes").isTrue();
			clock(context).add(Duration.ofMinutes(2));
			assertThat(feedback.record(id, FeedbackOutcome.ACCEPTED)).as("10 minutes after its call").isFalse();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.feedback.unknown").tags("outcome", "thumbs_down").counter().count()).isOne();
			assertThat(meters.get("llmobs.feedback.unknown").tags("outcome", "accepted").counter().count()).isOne();
			assertThat(meters.find("llmobs.feedback").tags("outcome", "accepted").counter()).isNull();
			assertThat(meters.find("llmobs.ttgo").timer()).isNull();
		});
	}

	@Test
	void blockInARequestThenThumbsDownOnItsTraceIsAFalsePositiveCountedOnce() {
		run((context) -> {
			Guardrails guardrails = context.getBean(Guardrails.class);
			Tracer tracer = context.getBean(Tracer.class);
			String[] traceId = new String[1];
			String[] responseId = new String[1];
			// What an HTTP request does: a server observation around the application's
			// work.
			Observation.createNotStarted("http.server.requests", context.getBean(ObservationRegistry.class))
				.observe(() -> {
					traceId[0] = tracer.currentSpan().context().traceId();
					guardrails.record("pii", GuardrailVerdict.ALLOW);
					responseId[0] = chatClient(context).prompt("Quote Berlin.")
						.advisors((a) -> a.param(LlmObsParams.STAGE, "answer"))
						.call()
						.chatResponse()
						.getMetadata()
						.getId();
					guardrails.record("refund-policy", GuardrailVerdict.BLOCK);
				});
			guardrails.record("pii", GuardrailVerdict.REDACT);
			FeedbackRecorder feedback = context.getBean(FeedbackRecorder.class);
			assertThat(feedback.record(traceId[0], FeedbackOutcome.THUMBS_DOWN)).isTrue();
			assertThat(feedback.record(responseId[0], FeedbackOutcome.EDITED)).as("the same interaction").isTrue();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.guardrail").tags("guardrail", "pii", "verdict", "allow").counter().count())
				.isOne();
			assertThat(meters.get("llmobs.guardrail").tags("guardrail", "pii", "verdict", "redact").counter().count())
				.isOne();
			assertThat(meters.get("llmobs.guardrail")
				.tags("guardrail", "refund-policy", "verdict", "block")
				.counter()
				.count()).isOne();
			assertThat(
					meters.get("llmobs.guardrail.false.positive").tags("guardrail", "refund-policy").counter().count())
				.as("once per block")
				.isOne();
			assertThat(meters.find("llmobs.guardrail.false.positive").tags("guardrail", "pii").counter()).isNull();
			assertThat(
					meters.get("llmobs.feedback").tags("outcome", "thumbs_down", "stage", "answer").counter().count())
				.isOne();
			assertThat(meters.get("llmobs.feedback").tags("outcome", "edited", "stage", "answer").counter().count())
				.isOne();
		});
	}

	@Test
	void blockFromAnAdvisorIsTiedToItsCallAndAcceptedIsNoFalsePositive() {
		run((context) -> {
			Guardrails guardrails = context.getBean(Guardrails.class);
			ChatClient client = chatClient(context).mutate().defaultAdvisors(new ToneGuardrail(guardrails)).build();
			String blocked = client.prompt("Quote Berlin.").call().chatResponse().getMetadata().getId();
			String accepted = client.prompt("Quote Munich.").call().chatResponse().getMetadata().getId();
			FeedbackRecorder feedback = context.getBean(FeedbackRecorder.class);
			feedback.record(accepted, FeedbackOutcome.ACCEPTED);
			assertThat(meters(context).find("llmobs.guardrail.false.positive").counter()).isNull();
			feedback.record(blocked, FeedbackOutcome.EDITED);
			assertThat(
					meters(context).get("llmobs.guardrail.false.positive").tags("guardrail", "tone").counter().count())
				.isOne();
		});
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		server.reset();
		this.runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	private static MockClock clock(AssertableApplicationContext context) {
		return context.getBean(MockClock.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class MockClockConfiguration {

		@Bean
		MockClock micrometerClock() {
			return new MockClock();
		}

	}

	/**
	 * An application guardrail inside the call: blocks every first call (it runs after
	 * the model, on the answer).
	 */
	static final class ToneGuardrail implements CallAdvisor {

		private final Guardrails guardrails;

		private int calls;

		ToneGuardrail(Guardrails guardrails) {
			this.guardrails = guardrails;
		}

		@Override
		public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
			ChatClientResponse response = chain.nextCall(request);
			this.guardrails.record("tone", (this.calls++ == 0) ? GuardrailVerdict.BLOCK : GuardrailVerdict.ALLOW);
			return response;
		}

		@Override
		public String getName() {
			return "tone";
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

}
