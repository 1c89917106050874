package io.llmobs.chat;

import io.llmobs.test.OllamaCompatibleServer;
import io.llmobs.test.ProviderModels;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.core.retry.RetryTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI's {@code RetryTemplate} bean ({@code spring.ai.retry.*}) as the Ollama client
 * uses it, against a local Ollama-compatible server that fails first: each retry counted
 * on {@code llmobs.chat.retries}.
 */
class SpringAiRetriesIntegrationTests {

	@RegisterExtension
	static final OllamaCompatibleServer server = OllamaCompatibleServer.start();

	@Test
	void anOllamaCallAnsweredAfterAServerErrorIsCountedOnceAsServerError() {
		server.reset();
		TracedApplication.runner()
			.withPropertyValues("spring.ai.retry.max-attempts=3", "spring.ai.retry.backoff.initial-interval=10ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ChatModel ollama = ProviderModels.ollama(server, "llama3.2", context.getBean(ObservationRegistry.class),
						context.getBean(RetryTemplate.class));
				server.enqueue(StubResponse.error(503, "Overloaded"), StubResponse.completion("Paris"));
				assertThat(ollama.call(new Prompt("Capital of France?")).getResult().getOutput().getText())
					.isEqualTo("Paris");
				assertThat(context.getBean(MeterRegistry.class)
					.get("llmobs.chat.retries")
					.tags("model", "llama3.2", "provider", "ollama", "reason", "server_error")
					.counter()
					.count()).isEqualTo(1);
			});
	}

}
