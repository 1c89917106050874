package io.llmobs.openai;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import com.anthropic.models.messages.Model;
import io.llmobs.test.AnthropicCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.http.okhttp.AnthropicHttpClientBuilderCustomizer;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * The Anthropic SDK's own retries ({@code spring.ai.anthropic.max-retries}) of Spring
 * AI's real Anthropic client against a local server that fails first, counted on
 * {@code llmobs.chat.retries} as the OpenAI SDK's are, while the call is one successful
 * model call.
 */
class AnthropicRetriesIntegrationTests {

	private static final String MODEL = "claude-haiku-4-5";

	private static final String MODEL_SPAN = "chat " + MODEL;

	@RegisterExtension
	static final AnthropicCompatibleServer server = AnthropicCompatibleServer.start();

	private static void run(int maxRetries, Consumer<AssertableApplicationContext> test) {
		server.reset();
		TracedApplication.runner()
			.withUserConfiguration(AnthropicModelConfiguration.class)
			.withPropertyValues("spring.ai.model.chat=none", "test.max-retries=" + maxRetries)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

	@Test
	void aCallAnsweredAfterA429IsCountedOnceAsRateLimitedAndIsOneSuccessfulModelCall() {
		run(2, (context) -> {
			server.enqueue(StubResponse.error(429, "Rate limit reached"), StubResponse.completion("Paris"));
			assertThat(client(context).prompt("Capital of France?").call().content()).isEqualTo("Paris");
			assertThat(server.requests()).hasSize(2);
			assertThat(retries(context, "rate_limited")).isEqualTo(1);
			assertThat(Search.in(meters(context)).name("llmobs.chat.retries").counters()).hasSize(1);
			assertOneSuccessfulModelCall(context);
		});
	}

	@Test
	void aStreamAnsweredAfterAnOverloadedErrorIsCountedAsServerErrorAndSentInItsModelSpan() {
		run(2, (context) -> {
			server.enqueue(StubResponse.error(529, "Overloaded"), StubResponse.completion("one two").chunks(2));
			assertThat(String.join("",
					client(context).prompt("count").stream().content().collectList().block(Duration.ofSeconds(30))))
				.isEqualTo("one two");
			assertThat(retries(context, "server_error")).isEqualTo(1);
			SpanData model = assertOneSuccessfulModelCall(context);
			List<RecordedRequest> requests = server.requests();
			assertThat(requests).hasSize(2).allSatisfy((request) -> {
				assertThat(request.headers()).doesNotContainKey(StreamModelSpans.HEADER);
				assertThat(request.header("traceparent")).contains(model.getTraceId());
			});
		});
	}

	@Test
	void aFailureThatIsNotRetriedCountsNoRetry() {
		run(0, (context) -> {
			server.enqueue(StubResponse.error(529, "Overloaded"));
			assertThatException().isThrownBy(() -> client(context).prompt("x").call().content());
			assertThat(Search.in(meters(context)).name("llmobs.chat.retries").counters()).isEmpty();
		});
	}

	private static SpanData assertOneSuccessfulModelCall(AssertableApplicationContext context) {
		// a stream's call is recorded a moment after its consumer got the end
		await().untilAsserted(() -> assertThat(Search.in(meters(context)).name("llmobs.chat").timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("outcome")).isEqualTo("success"))
			.satisfies((timer) -> assertThat(timer.count()).isOne()));
		await().untilAsserted(
				() -> assertThat(spans(context)).filteredOn((span) -> span.getName().equals(MODEL_SPAN)).hasSize(1));
		SpanData model = spans(context).stream()
			.filter((span) -> span.getName().equals(MODEL_SPAN))
			.findFirst()
			.orElseThrow();
		assertThat(model.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
		return model;
	}

	private static double retries(AssertableApplicationContext context, String reason) {
		return meters(context).get("llmobs.chat.retries")
			.tags("model", MODEL, "provider", "anthropic", "reason", reason)
			.counter()
			.count();
	}

	private static ChatClient client(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	/**
	 * Spring AI's Anthropic client as its auto-configuration builds it, with the
	 * application's {@link AnthropicHttpClientBuilderCustomizer} beans in order.
	 */
	@Configuration(proxyBeanMethods = false)
	static class AnthropicModelConfiguration {

		@Bean
		ChatModel anthropicChatModel(ObservationRegistry observationRegistry,
				ObjectProvider<AnthropicHttpClientBuilderCustomizer> customizers, Environment environment) {
			AnthropicChatOptions options = AnthropicChatOptions.builder()
				.baseUrl(server.rootUrl())
				.apiKey("test-key")
				.model(Model.of(MODEL))
				.maxTokens(1024)
				.maxRetries(environment.getRequiredProperty("test.max-retries", Integer.class))
				.timeout(Duration.ofSeconds(5))
				.build();
			return AnthropicChatModel.builder()
				.options(options)
				.observationRegistry(observationRegistry)
				.httpClientBuilderCustomizers(customizers.orderedStream().toList())
				.build();
		}

	}

}
