package io.llmobs.sample.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An OpenAI-compatible endpoint served by the sample itself, so that it runs offline and
 * without an API key: point {@code spring.ai.openai.base-url} at
 * {@code http://localhost:8080/simulator/v1}. Off in the {@code openai} profile. See
 * {@link ChatSimulator} for how it answers.
 */
@RestController
@RequestMapping("/simulator/v1")
@Profile("!openai")
public final class SimulatorController {

	private static final String FINGERPRINT = "fp_llmobs_sim";

	private final ChatSimulator chat;

	private final EmbeddingSimulator embeddings;

	private final JsonMapper jsonMapper;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong ids = new AtomicLong();

	/**
	 * Creates the controller.
	 * @param chat the chat model stand-in
	 * @param embeddings the embedding model stand-in
	 * @param jsonMapper writes the responses
	 */
	public SimulatorController(ChatSimulator chat, EmbeddingSimulator embeddings, JsonMapper jsonMapper) {
		this.chat = chat;
		this.embeddings = embeddings;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * {@code POST /chat/completions}: a JSON completion, or server-sent chunks when
	 * {@code "stream": true} (with a final usage chunk when
	 * {@code stream_options.include_usage} is true).
	 * @param request the request body
	 * @param response where the completion is written
	 * @throws IOException when the client went away
	 */
	@PostMapping("/chat/completions")
	public void chatCompletions(@RequestBody JsonNode request, HttpServletResponse response) throws IOException {
		ChatSimulator.Completion completion = this.chat.complete(request);
		String id = "chatcmpl-sim" + this.ids.incrementAndGet();
		long created = this.clock.millis() / 1000;
		if (request.path("stream").asBoolean(false)) {
			stream(completion, id, created, request.path("stream_options").path("include_usage").asBoolean(false),
					response);
			return;
		}
		SimulatedLatency.pause(completion.wholeAnswerDelay());
		List<OpenAiWire.ToolCall> toolCalls = (completion.toolCall() != null)
				? List.of(new OpenAiWire.ToolCall(null, completion.toolCall().id(), "function",
						new OpenAiWire.FunctionCall(completion.toolCall().name(), completion.toolCall().arguments())))
				: null;
		OpenAiWire.ChatCompletion body = new OpenAiWire.ChatCompletion(id, "chat.completion", created,
				completion.model(), FINGERPRINT,
				List.of(new OpenAiWire.Choice(0,
						new OpenAiWire.Message("assistant", completion.content(), null, toolCalls), null,
						completion.finishReason())),
				completion.usage());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		this.jsonMapper.writeValue(response.getOutputStream(), body);
	}

	/**
	 * {@code POST /embeddings}: one deterministic vector per input, as floats or as
	 * {@code base64}.
	 * @param request the request body
	 * @return the embeddings
	 */
	@PostMapping("/embeddings")
	public OpenAiWire.EmbeddingList embeddings(@RequestBody JsonNode request) {
		JsonNode input = request.path("input");
		List<String> texts = new ArrayList<>();
		if (input.isArray()) {
			input.values().forEach((item) -> texts.add(item.isString() ? item.stringValue() : item.toString()));
		}
		else {
			texts.add(input.isString() ? input.stringValue() : input.toString());
		}
		int dimensions = request.path("dimensions").asInt(EmbeddingSimulator.DEFAULT_DIMENSIONS);
		boolean base64 = "base64".equals(request.path("encoding_format").asString(""));
		List<OpenAiWire.EmbeddingData> data = new ArrayList<>();
		int tokens = 0;
		for (int i = 0; i < texts.size(); i++) {
			float[] vector = this.embeddings.embed(texts.get(i), dimensions);
			data.add(new OpenAiWire.EmbeddingData("embedding", i,
					base64 ? EmbeddingSimulator.base64(vector) : asList(vector)));
			tokens += ChatSimulator.tokens(texts.get(i));
		}
		return new OpenAiWire.EmbeddingList("list", data, request.path("model").asString("text-embedding-3-small"),
				new OpenAiWire.EmbeddingUsage(tokens, tokens));
	}

	private void stream(ChatSimulator.Completion completion, String id, long created, boolean includeUsage,
			HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-cache");
		OutputStream out = response.getOutputStream();
		SimulatedLatency.pause(completion.timeToFirstToken());
		if (completion.toolCall() != null) {
			ChatSimulator.ToolCall call = completion.toolCall();
			send(out, chunk(id, created, completion, new OpenAiWire.Delta("assistant", null, List
				.of(new OpenAiWire.ToolCall(0, call.id(), "function", new OpenAiWire.FunctionCall(call.name(), "")))),
					null));
			SimulatedLatency.pause(completion.interChunkDelay());
			send(out, chunk(id, created, completion, new OpenAiWire.Delta(null, null, List
				.of(new OpenAiWire.ToolCall(0, null, null, new OpenAiWire.FunctionCall(null, call.arguments())))),
					null));
		}
		else {
			send(out, chunk(id, created, completion, new OpenAiWire.Delta("assistant", "", null), null));
			for (String piece : ChatSimulator.pieces(Objects.requireNonNull(completion.content()))) {
				send(out, chunk(id, created, completion, new OpenAiWire.Delta(null, piece, null), null));
				SimulatedLatency.pause(completion.interChunkDelay());
			}
		}
		send(out, chunk(id, created, completion, new OpenAiWire.Delta(null, null, null), completion.finishReason()));
		if (includeUsage) {
			send(out, new OpenAiWire.ChatCompletionChunk(id, "chat.completion.chunk", created, completion.model(),
					FINGERPRINT, List.of(), completion.usage()));
		}
		out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static OpenAiWire.ChatCompletionChunk chunk(String id, long created, ChatSimulator.Completion completion,
			OpenAiWire.Delta delta, @Nullable String finishReason) {
		return new OpenAiWire.ChatCompletionChunk(id, "chat.completion.chunk", created, completion.model(), FINGERPRINT,
				List.of(new OpenAiWire.ChunkChoice(0, delta, finishReason)), null);
	}

	private void send(OutputStream out, Object chunk) throws IOException {
		out.write(("data: " + this.jsonMapper.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static List<Float> asList(float[] vector) {
		List<Float> list = new ArrayList<>(vector.length);
		for (float value : vector) {
			list.add(value);
		}
		return list;
	}

}
