package io.llmobs.openai;

import java.time.Duration;
import java.util.List;

import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * What a gateway, proxy or provider log sees of a model request: the trace context of its
 * model span, for plain and streamed calls alike, over real HTTP from Spring AI's OpenAI
 * client.
 */
class OpenAiTraceContextIntegrationTests {

	private static final String MODEL_SPAN = "chat gpt-4o-mini";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@Test
	void plainAndStreamedRequestsCarryTheTraceContextAndBaggageOfTheirModelSpan() {
		run((context) -> {
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			try (BaggageInScope baggage = context.getBean(Tracer.class).createBaggageInScope("order", "o-17")) {
				client.prompt("plain").call().content();
				client.prompt("streamed").stream().content().blockLast(Duration.ofSeconds(10));
			}
			List<RecordedRequest> requests = server.chatRequests();
			assertThat(requests).extracting(RecordedRequest::isStream).containsExactly(false, true);
			// the model observation of a stream stops after the stream has signalled its
			// end downstream
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(spans(context)).filteredOn((span) -> span.getName().equals(MODEL_SPAN))
					.hasSize(2));
			List<SpanData> spans = spans(context);
			for (RecordedRequest request : requests) {
				assertSentInItsModelSpan(request, spans);
				assertThat(request.header("baggage")).contains("order=o-17");
				assertThat(request.headers()).doesNotContainKey(StreamModelSpans.HEADER);
			}
		});
	}

	@Test
	void failedStreamIsForgottenAndItsRequestTracedAsWell() {
		run((context) -> {
			server.enqueue(StubResponse.error(500, "boom"));
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			assertThatException()
				.isThrownBy(() -> client.prompt("streamed").stream().content().blockLast(Duration.ofSeconds(10)));
			StreamModelSpans streams = context.getBean(StreamModelSpans.class);
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(streams.inFlight()).isZero());
			assertSentInItsModelSpan(server.lastRequest(), spans(context));
		});
	}

	@Test
	void correlationIdIsTakenOffByTheHttpObservationWhenTheClientLacksTheRemovingInterceptor() {
		run(TracedApplication.runner()
			.withBean("llmObsCorrelationHeaderRemover", OpenAiHttpClientBuilderCustomizer.class, () -> (builder) -> {
			}), (context) -> {
				context.getBean(ChatClient.Builder.class)
					.build()
					.prompt("streamed")
					.stream()
					.content()
					.blockLast(Duration.ofSeconds(10));
				assertThat(server.lastRequest().headers()).doesNotContainKey(StreamModelSpans.HEADER);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertSentInItsModelSpan(server.lastRequest(), spans(context)));
			});
	}

	private static void run(ThrowingConsumer test) {
		run(TracedApplication.runner(), test);
	}

	private static void run(ApplicationContextRunner runner, ThrowingConsumer test) {
		server.reset();
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	/**
	 * The request's parent span is its HTTP client span, a child of the model span, in
	 * the model span's trace.
	 */
	private static void assertSentInItsModelSpan(RecordedRequest request, List<SpanData> spans) {
		String[] traceparent = request.header("traceparent").split("-");
		SpanData http = spans.stream()
			.filter((span) -> span.getSpanId().equals(traceparent[2]))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the request's parent span " + traceparent[2] + " was not exported"));
		assertThat(http.getTraceId()).isEqualTo(traceparent[1]);
		SpanData parent = spans.stream()
			.filter((span) -> span.getSpanId().equals(http.getParentSpanId()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the HTTP span of " + (request.isStream() ? "a streamed" : "a plain")
					+ " request has no exported parent, it is in a trace of its own"));
		assertThat(parent.getName()).isEqualTo(MODEL_SPAN);
		assertThat(parent.getTraceId()).isEqualTo(traceparent[1]);
	}

	@FunctionalInterface
	private interface ThrowingConsumer {

		void accept(AssertableApplicationContext context);

	}

}
