package io.llmobs.openai;

import java.time.Duration;
import java.util.function.Consumer;

import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The OpenAI SDK's own retries ({@code spring.ai.openai.max-retries}) of Spring AI's real
 * OpenAI client against a local server that fails first, counted on
 * {@code llmobs.chat.retries} by model, provider and the failure that was retried.
 */
class OpenAiRetriesIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private static void run(int maxRetries, Consumer<AssertableApplicationContext> test) {
		server.reset();
		TracedApplication.runner()
			.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(),
					"spring.ai.openai.max-retries=" + maxRetries)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

	@Test
	void aCallAnsweredAfterA429IsCountedOnceAsRateLimited() {
		run(2, (context) -> {
			server.enqueue(StubResponse.error(429, "Rate limit reached"), StubResponse.completion("Paris"));
			assertThat(client(context).prompt("Capital of France?").call().content()).isEqualTo("Paris");
			assertThat(server.chatRequests()).hasSize(2);
			assertThat(retries(context, "rate_limited")).isEqualTo(1);
			assertThat(Search.in(meters(context)).name("llmobs.chat.retries").counters()).hasSize(1);
		});
	}

	@Test
	void aStreamRetriedAfterServerErrorsIsCountedByItsRequestedModel() {
		run(2, (context) -> {
			server.enqueue(StubResponse.error(503, "Overloaded"), StubResponse.error(500, "Internal error"),
					StubResponse.completion("one two").chunks(2));
			assertThat(String.join("",
					client(context).prompt("count").stream().content().collectList().block(Duration.ofSeconds(30))))
				.isEqualTo("one two");
			assertThat(retries(context, "server_error")).isEqualTo(2);
		});
	}

	@Test
	void aFailureThatIsNotRetriedCountsNoRetry() {
		run(0, (context) -> {
			server.enqueue(StubResponse.error(429, "Rate limit reached"));
			assertThatException().isThrownBy(() -> client(context).prompt("x").call().content());
			assertThat(Search.in(meters(context)).name("llmobs.chat.retries").counters()).isEmpty();
		});
	}

	private static double retries(AssertableApplicationContext context, String reason) {
		Counter counter = meters(context).get("llmobs.chat.retries")
			.tags("model", "gpt-4o-mini", "provider", "openai", "reason", reason)
			.counter();
		return counter.count();
	}

	private static ChatClient client(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

}
