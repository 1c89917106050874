package io.llmobs.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.openai.errors.InternalServerException;
import com.openai.errors.RateLimitException;
import com.openai.models.completions.CompletionUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives Spring AI's real {@link OpenAiChatModel} against {@link OpenAiCompatibleServer}.
 */
final class OpenAiCompatibleServerTests {

	private static final Duration BLOCK = Duration.ofSeconds(5);

	private static final List<ChatModelObservationContext> observed = new CopyOnWriteArrayList<>();

	private static OpenAiCompatibleServer server;

	private static OpenAiChatModel chatModel;

	@BeforeAll
	static void startServer() {
		server = OpenAiCompatibleServer.start();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ChatContextCapture());
		chatModel = OpenAiTestModels.chatModel(server, registry);
		// warm up the SDK (class loading, connection) so timed assertions measure the
		// server only
		chatModel.call(new Prompt("warm-up"));
		chatModel.stream(new Prompt("warm-up")).blockLast(BLOCK);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void resetServer() {
		server.reset();
		observed.clear();
	}

	@Test
	void callReturnsScriptedContentModelUsageAndRecordsTheRequest() {
		server.enqueue(StubResponse.completion("Hello there")
			.model("gpt-4o-2024-08-06")
			.usage(42, 7)
			.cachedTokens(30)
			.reasoningTokens(3));

		ChatResponse response = chatModel.call(new Prompt("Say hello"));

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Hello there");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(response.getMetadata().getModel()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(response.getMetadata().getId()).startsWith("chatcmpl-stub");
		Usage usage = response.getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isEqualTo(42);
		assertThat(usage.getCompletionTokens()).isEqualTo(7);
		assertThat(usage.getTotalTokens()).isEqualTo(49);
		assertThat(usage.getCacheReadInputTokens()).isEqualTo(30L);
		assertThat(usage.getCacheWriteInputTokens()).isNull();
		assertThat(usage.getNativeUsage()).isInstanceOfSatisfying(CompletionUsage.class, (nativeUsage) -> {
			assertThat(nativeUsage.completionTokensDetails().flatMap((d) -> d.reasoningTokens())).contains(3L);
			assertThat(nativeUsage.promptTokensDetails().flatMap((d) -> d.cachedTokens())).contains(30L);
		});
		assertThat(observed).singleElement()
			.satisfies((context) -> assertThat(context.getResponse()).isSameAs(response));

		RecordedRequest request = server.lastRequest();
		assertThat(server.requests()).containsExactly(request);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.header("authorization")).isEqualTo("Bearer " + OpenAiTestModels.API_KEY);
		assertThat(request.model()).isEqualTo(OpenAiTestModels.DEFAULT_MODEL);
		assertThat(request.isStream()).isFalse();
		JsonNode messages = request.messages();
		assertThat(messages.size()).isEqualTo(1);
		assertThat(messages.get(0).path("role").asString()).isEqualTo("user");
		assertThat(messages.get(0).path("content").asString()).isEqualTo("Say hello");
	}

	@ParameterizedTest
	@CsvSource({ "stop, STOP", "length, LENGTH", "content_filter, CONTENT_FILTER", "tool_calls, TOOL_CALLS" })
	void finishReasonIsReportedAsUpperCaseEnumName(String wireValue, String reported) {
		server.enqueue(StubResponse.completion("cut").finishReason(wireValue));

		ChatResponse response = chatModel.call(new Prompt("Go"));

		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo(reported);
	}

	@Test
	void emptyQueueAnswersWithDefaultResponseEchoingTheRequestModel() {
		Prompt prompt = new Prompt("Anything", OpenAiTestModels.chatOptions(server).model("gpt-4.1-nano").build());

		ChatResponse response = chatModel.call(prompt);

		assertThat(response.getResult().getOutput().getText()).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
		assertThat(response.getMetadata().getModel()).isEqualTo("gpt-4.1-nano");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(10);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(5);
		assertThat(server.lastRequest().model()).isEqualTo("gpt-4.1-nano");
	}

	@Test
	void noUsageGivesEmptyUsage() {
		server.enqueue(StubResponse.completion("no usage here").noUsage());

		ChatResponse response = chatModel.call(new Prompt("Go"));

		assertThat(response.getResult().getOutput().getText()).isEqualTo("no usage here");
		Usage usage = response.getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isZero();
		assertThat(usage.getCompletionTokens()).isZero();
		assertThat(usage.getTotalTokens()).isZero();
		assertThat(usage.getCacheReadInputTokens()).isNull();
		assertThat(usage.getNativeUsage()).isNotInstanceOf(CompletionUsage.class);
	}

	@Test
	void toolCallIsReturnedWithoutBeingExecuted() {
		AtomicInteger executions = new AtomicInteger();
		ToolCallback weather = FunctionToolCallback.builder("get_weather", (WeatherRequest request) -> {
			executions.incrementAndGet();
			return "sunny";
		})
			.description("Current weather of a city")
			.inputType(WeatherRequest.class)
			.inputSchema(
					"{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")
			.build();
		server.enqueue(StubResponse.toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}").usage(20, 9));

		ChatResponse response = chatModel
			.call(new Prompt("Weather in Paris?", OpenAiTestModels.chatOptions(server).toolCallbacks(weather).build()));

		assertThat(response.hasToolCalls()).isTrue();
		AssistantMessage output = response.getResult().getOutput();
		assertThat(output.getToolCalls()).containsExactly(
				new AssistantMessage.ToolCall("call_1", "function", "get_weather", "{\"city\":\"Paris\"}"));
		assertThat(output.getText()).isEmpty();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(29);
		assertThat(executions).hasValue(0);
		assertThat(server.requests()).hasSize(1);
		JsonNode tools = server.lastRequest().body().path("tools");
		assertThat(tools.size()).isEqualTo(1);
		assertThat(tools.get(0).path("type").asString()).isEqualTo("function");
		assertThat(tools.get(0).path("function").path("name").asString()).isEqualTo("get_weather");
	}

	@Test
	void streamConcatenatesChunksAndReportsUsage() {
		server.enqueue(StubResponse.completion("The quick brown fox")
			.model("gpt-4o-2024-08-06")
			.chunks(4)
			.chunkDelay(Duration.ofMillis(20))
			.usage(12, 4)
			.cachedTokens(8)
			.reasoningTokens(2));
		long start = System.nanoTime();

		List<ChatResponse> responses = chatModel.stream(new Prompt("Tell me")).collectList().block(BLOCK);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		// role chunk, 4 content chunks, finish chunk, usage chunk (no choices)
		assertThat(responses).hasSize(7);
		assertThat(text(responses)).isEqualTo("The quick brown fox");
		assertThat(responses.get(5).getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		ChatResponse usageChunk = responses.get(6);
		assertThat(usageChunk.getResult()).isNull();
		assertThat(usageChunk.getMetadata().getModel()).isEqualTo("gpt-4o-2024-08-06");
		Usage usage = usageChunk.getMetadata().getUsage();
		assertThat(usage.getPromptTokens()).isEqualTo(12);
		assertThat(usage.getCompletionTokens()).isEqualTo(4);
		assertThat(usage.getCacheReadInputTokens()).isEqualTo(8L);
		assertThat(usage.getNativeUsage()).isInstanceOfSatisfying(CompletionUsage.class,
				(nativeUsage) -> assertThat(nativeUsage.completionTokensDetails().flatMap((d) -> d.reasoningTokens()))
					.contains(2L));

		ChatResponse aggregated = observed.get(0).getResponse();
		assertThat(aggregated.getResult().getOutput().getText()).isEqualTo("The quick brown fox");
		assertThat(aggregated.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(aggregated.getMetadata().getModel()).isEqualTo("gpt-4o-2024-08-06");
		Usage aggregatedUsage = aggregated.getMetadata().getUsage();
		assertThat(aggregatedUsage.getPromptTokens()).isEqualTo(12);
		assertThat(aggregatedUsage.getCompletionTokens()).isEqualTo(4);
		assertThat(aggregatedUsage.getTotalTokens()).isEqualTo(16);
		// Spring AI 2.0.1's MessageAggregator keeps only the three token counts
		assertThat(aggregatedUsage.getCacheReadInputTokens()).isNull();
		assertThat(aggregatedUsage.getNativeUsage()).isNotInstanceOf(CompletionUsage.class);

		RecordedRequest request = server.lastRequest();
		assertThat(request.isStream()).isTrue();
		assertThat(request.body().path("stream_options").path("include_usage").asBoolean()).isTrue();
	}

	@Test
	void streamWithoutUsageReportsZeroUsage() {
		server.enqueue(StubResponse.completion("quiet").chunks(2).noUsage());

		List<ChatResponse> responses = chatModel.stream(new Prompt("Go")).collectList().block(BLOCK);

		assertThat(responses).hasSize(4);
		assertThat(text(responses)).isEqualTo("quiet");
		assertThat(responses).allSatisfy((r) -> assertThat(r.getMetadata().getUsage().getTotalTokens()).isZero());
		Usage aggregatedUsage = observed.get(0).getResponse().getMetadata().getUsage();
		assertThat(aggregatedUsage.getPromptTokens()).isZero();
		assertThat(aggregatedUsage.getCompletionTokens()).isZero();
	}

	@Test
	void streamedToolCallsAreReassembled() {
		String arguments = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";
		server.enqueue(StubResponse.toolCall("call_9", "get_weather", arguments)
			.addToolCall("call_10", "get_time", "{\"zone\":\"CET\"}")
			.chunks(3)
			.usage(30, 11));

		List<ChatResponse> responses = chatModel.stream(new Prompt("Weather?")).collectList().block(BLOCK);

		List<AssistantMessage.ToolCall> toolCalls = responses.stream()
			.map(ChatResponse::getResult)
			.filter(Objects::nonNull)
			.flatMap((generation) -> generation.getOutput().getToolCalls().stream())
			.toList();
		assertThat(toolCalls).containsExactly(
				new AssistantMessage.ToolCall("call_9", "function", "get_weather", arguments),
				new AssistantMessage.ToolCall("call_10", "function", "get_time", "{\"zone\":\"CET\"}"));
		ChatResponse aggregated = observed.get(0).getResponse();
		assertThat(aggregated.getResult().getOutput().getToolCalls()).containsExactlyElementsOf(toolCalls);
		assertThat(aggregated.getResult().getMetadata().getFinishReason()).isEqualTo("TOOL_CALLS");
		assertThat(aggregated.getMetadata().getUsage().getTotalTokens()).isEqualTo(41);
	}

	@Test
	void serverErrorFailsFastWithoutRetry() {
		server.enqueue(StubResponse.error(500, "The server had an error"));
		long start = System.nanoTime();

		assertThatThrownBy(() -> chatModel.call(new Prompt("Go"))).isInstanceOfSatisfying(InternalServerException.class,
				(ex) -> {
					assertThat(ex.statusCode()).isEqualTo(500);
					assertThat(ex.type()).contains("server_error");
					assertThat(ex.getMessage()).contains("The server had an error");
				});

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(server.requests()).hasSize(1);
	}

	@Test
	void rateLimitFailsFastWithoutRetryForCallAndStream() {
		server.enqueue(StubResponse.error(429, "Rate limit reached"), StubResponse.error(429, "Rate limit reached"));
		long start = System.nanoTime();

		assertThatThrownBy(() -> chatModel.call(new Prompt("Go"))).isInstanceOfSatisfying(RateLimitException.class,
				(ex) -> {
					assertThat(ex.statusCode()).isEqualTo(429);
					assertThat(ex.code()).contains("rate_limit_exceeded");
					assertThat(ex.headers().values("Retry-After")).containsExactly("0");
				});
		// the streaming path surfaces the SDK's async failure as it is: wrapped in a
		// CompletionException
		assertThatThrownBy(() -> chatModel.stream(new Prompt("Go")).blockLast(BLOCK))
			.isInstanceOf(CompletionException.class)
			.cause()
			.isInstanceOfSatisfying(RateLimitException.class, (ex) -> assertThat(ex.statusCode()).isEqualTo(429));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(server.requests()).hasSize(2);
		assertThat(server.pendingResponses()).isZero();
	}

	@Test
	void delayedResponsesAreServedConcurrently() {
		int calls = 4;
		Duration delay = Duration.ofMillis(500);
		for (int i = 0; i < calls; i++) {
			server.enqueue(StubResponse.completion("slow").delay(delay));
		}
		ExecutorService callers = Executors.newFixedThreadPool(calls);
		try {
			long start = System.nanoTime();
			List<CompletableFuture<ChatResponse>> futures = IntStream.range(0, calls)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> chatModel.call(new Prompt("Go " + i)), callers))
				.toList();
			List<String> texts = futures.stream().map((f) -> f.join().getResult().getOutput().getText()).toList();
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

			assertThat(texts).containsOnly("slow").hasSize(calls);
			// served one after the other, the calls would take at least calls * delay
			assertThat(elapsed).isGreaterThanOrEqualTo(delay).isLessThan(delay.multipliedBy(calls));
			assertThat(server.chatRequests()).hasSize(calls);
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void embeddingsAreDeterministicAndReportUsage() {
		OpenAiEmbeddingModel embeddingModel = OpenAiTestModels.embeddingModel(server, ObservationRegistry.NOOP);

		EmbeddingResponse response = embeddingModel.embedForResponse(List.of("hello world", "spring ai rocks"));

		assertThat(response.getResults()).hasSize(2);
		assertThat(response.getResults().get(0).getOutput())
			.containsExactly(OpenAiCompatibleServer.embeddingOf("hello world", 8));
		assertThat(response.getResults().get(1).getOutput())
			.containsExactly(OpenAiCompatibleServer.embeddingOf("spring ai rocks", 8));
		assertThat(response.getMetadata().getModel()).isEqualTo(OpenAiTestModels.DEFAULT_EMBEDDING_MODEL);
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(5);
		assertThat(embeddingModel.embed("hello world")).containsExactly(response.getResults().get(0).getOutput());
		RecordedRequest request = server.embeddingRequests().get(0);
		assertThat(request.path()).isEqualTo("/v1/embeddings");
		assertThat(request.model()).isEqualTo(OpenAiTestModels.DEFAULT_EMBEDDING_MODEL);
		// openai-java asks for base64 unless told otherwise; the server answers in kind
		assertThat(request.body().path("encoding_format").asString()).isEqualTo("base64");
		assertThat(server.chatRequests()).isEmpty();
	}

	@Test
	void resetForgetsRequestsAndQueuedResponses() {
		server.enqueue(StubResponse.completion("first"), StubResponse.completion("second"));
		chatModel.call(new Prompt("Go"));

		server.reset();

		assertThat(server.requests()).isEmpty();
		assertThat(server.pendingResponses()).isZero();
		assertThatIllegalStateException().isThrownBy(server::lastRequest);
		assertThat(chatModel.call(new Prompt("Go")).getResult().getOutput().getText())
			.isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
	}

	private static String text(List<ChatResponse> responses) {
		return responses.stream()
			.map(ChatResponse::getResult)
			.filter(Objects::nonNull)
			.map(Generation::getOutput)
			.map(AssistantMessage::getText)
			.filter(Objects::nonNull)
			.collect(Collectors.joining());
	}

	record WeatherRequest(String city) {
	}

	static final class ChatContextCapture implements ObservationHandler<ChatModelObservationContext> {

		@Override
		public void onStart(ChatModelObservationContext context) {
			observed.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ChatModelObservationContext;
		}

	}

}
