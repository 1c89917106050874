package io.llmobs.sample.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's chat wire ({@code POST /api/chat}) translated to and from the chat-completions
 * form that {@link ChatSimulator} answers: tool-call arguments are JSON objects instead
 * of strings and {@code options.num_predict} is the token limit; the answer is written
 * back with {@code done_reason} and the usage as Ollama reports it
 * ({@code prompt_eval_count}, {@code eval_count}; no cache or reasoning tokens).
 */
final class OllamaWire {

	private final JsonMapper jsonMapper;

	private final Clock clock;

	OllamaWire(JsonMapper jsonMapper, Clock clock) {
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * The chat-completions request of an Ollama chat request.
	 * @param request the Ollama request
	 * @return the same request in chat-completions form
	 */
	ObjectNode chatRequest(JsonNode request) {
		ObjectNode chat = this.jsonMapper.createObjectNode();
		chat.put("model", request.path("model").asString(""));
		chat.put("max_tokens", request.path("options").path("num_predict").asInt(0));
		ArrayNode messages = chat.putArray("messages");
		for (JsonNode message : request.path("messages").values()) {
			ObjectNode translated = messages.addObject()
				.put("role", message.path("role").asString("user"))
				.put("content", message.path("content").asString(""));
			if (message.path("tool_calls").isArray()) {
				ArrayNode toolCalls = translated.putArray("tool_calls");
				for (JsonNode call : message.path("tool_calls").values()) {
					toolCalls.addObject()
						.put("type", "function")
						.putObject("function")
						.put("name", call.path("function").path("name").asString(""))
						.put("arguments", call.path("function").path("arguments").toString());
				}
			}
		}
		if (request.path("tools").isArray()) {
			chat.set("tools", request.path("tools"));
		}
		return chat;
	}

	/**
	 * The non-streamed answer.
	 * @param completion the simulator's answer
	 * @return the response object, {@code done}
	 */
	ObjectNode response(ChatSimulator.Completion completion) {
		ObjectNode response = line(completion, Objects.requireNonNullElse(completion.content(), ""));
		addToolCall(response, completion);
		return done(response, completion);
	}

	/**
	 * The lines of a streamed answer: the text in pieces (or the tool call), then a last
	 * empty message that is {@code done}, with the usage.
	 * @param completion the simulator's answer
	 * @return the lines, in order
	 */
	List<ObjectNode> lines(ChatSimulator.Completion completion) {
		List<ObjectNode> lines = new ArrayList<>();
		String content = completion.content();
		if (content != null) {
			for (String piece : ChatSimulator.pieces(content)) {
				lines.add(line(completion, piece).put("done", false));
			}
		}
		else {
			ObjectNode call = line(completion, "");
			addToolCall(call, completion);
			lines.add(call.put("done", false));
		}
		lines.add(done(line(completion, ""), completion));
		return lines;
	}

	private ObjectNode line(ChatSimulator.Completion completion, String text) {
		ObjectNode line = this.jsonMapper.createObjectNode()
			.put("model", completion.model())
			.put("created_at", this.clock.instant().toString());
		line.putObject("message").put("role", "assistant").put("content", text);
		return line;
	}

	private void addToolCall(ObjectNode line, ChatSimulator.Completion completion) {
		ChatSimulator.ToolCall call = completion.toolCall();
		if (call != null) {
			ObjectNode function = ((ObjectNode) line.path("message")).putArray("tool_calls")
				.addObject()
				.put("id", call.id())
				.putObject("function")
				.put("name", call.name());
			function.set("arguments", this.jsonMapper.readTree(call.arguments()));
		}
	}

	private static ObjectNode done(ObjectNode line, ChatSimulator.Completion completion) {
		long nanos = completion.wholeAnswerDelay().toNanos();
		return line.put("done", true)
			.put("done_reason", completion.finishReason().equals("length") ? "length" : "stop")
			.put("total_duration", nanos)
			.put("load_duration", 0)
			.put("prompt_eval_count", completion.promptTokens())
			.put("prompt_eval_duration", completion.timeToFirstToken().toNanos())
			.put("eval_count", completion.completionTokens())
			.put("eval_duration", nanos - completion.timeToFirstToken().toNanos());
	}

}
