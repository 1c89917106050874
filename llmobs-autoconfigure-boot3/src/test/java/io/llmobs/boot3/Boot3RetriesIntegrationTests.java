package io.llmobs.boot3;

import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.boot3.Boot3Application.chatClient;
import static io.llmobs.boot3.Boot3Application.meters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Spring AI 1.1's OpenAI client retries with Spring AI's {@code RetryTemplate} bean
 * (Spring Retry): each retry is counted on {@code llmobs.chat.retries}, and the failure a
 * call ends with is not a retry.
 */
class Boot3RetriesIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = Boot3Application.runner(server)
		.withPropertyValues("spring.ai.retry.max-attempts=3", "spring.ai.retry.backoff.initial-interval=10ms");

	@Test
	void aCallAnsweredAfterAServerErrorIsCountedOnceAsServerError() {
		server.reset();
		Boot3Application.run(this.runner, (context) -> {
			server.enqueue(StubResponse.error(503, "Overloaded"), StubResponse.completion("Paris"));
			assertThat(chatClient(context).prompt("Capital of France?").call().content()).isEqualTo("Paris");
			assertThat(server.chatRequests()).hasSize(2);
			assertThat(retries(meters(context), "server_error")).isEqualTo(1);
		});
	}

	@Test
	void aCallWhoseAttemptsRunOutCountsTheRetriesNotItsLastFailure() {
		server.reset();
		Boot3Application.run(this.runner, (context) -> {
			server.enqueue(StubResponse.error(503, "Overloaded"), StubResponse.error(503, "Overloaded"),
					StubResponse.error(503, "Overloaded"));
			assertThatException().isThrownBy(() -> chatClient(context).prompt("Capital of France?").call().content());
			assertThat(server.chatRequests()).hasSize(3);
			assertThat(retries(meters(context), "server_error")).isEqualTo(2);
		});
	}

	private static double retries(MeterRegistry meters, String reason) {
		Counter counter = meters.find("llmobs.chat.retries")
			.tags("model", "gpt-4o-mini", "provider", "openai", "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
