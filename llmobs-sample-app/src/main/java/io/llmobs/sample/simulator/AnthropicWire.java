package io.llmobs.sample.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's Messages wire ({@code POST /v1/messages}) translated to and from the
 * chat-completions form that {@link ChatSimulator} answers: the {@code system} field
 * becomes a system message, {@code tool_use} blocks become tool calls and
 * {@code tool_result} blocks tool messages; the answer is written back as content blocks
 * with Anthropic's stop reasons and usage ({@code input_tokens} without the cached
 * tokens, which come beside it as {@code cache_read_input_tokens}).
 */
final class AnthropicWire {

	private final JsonMapper jsonMapper;

	AnthropicWire(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The chat-completions request of a Messages request.
	 * @param request the Messages request
	 * @return the same request in chat-completions form
	 */
	ObjectNode chatRequest(JsonNode request) {
		ObjectNode chat = this.jsonMapper.createObjectNode();
		chat.put("model", request.path("model").asString(""));
		chat.put("max_tokens", request.path("max_tokens").asInt(0));
		ArrayNode messages = chat.putArray("messages");
		String system = text(request.path("system"));
		if (!system.isEmpty()) {
			messages.addObject().put("role", "system").put("content", system);
		}
		for (JsonNode message : request.path("messages").values()) {
			addMessages(messages, message);
		}
		if (request.path("tools").isArray()) {
			ArrayNode tools = chat.putArray("tools");
			for (JsonNode tool : request.path("tools").values()) {
				ObjectNode function = tools.addObject().put("type", "function").putObject("function");
				function.put("name", tool.path("name").asString(""));
				function.put("description", tool.path("description").asString(""));
				function.set("parameters", tool.path("input_schema"));
			}
		}
		return chat;
	}

	/**
	 * The non-streamed answer.
	 * @param id the message id
	 * @param completion the simulator's answer
	 * @return the {@code message} object
	 */
	ObjectNode message(String id, ChatSimulator.Completion completion) {
		ObjectNode message = messageHead(id, completion);
		ArrayNode content = message.putArray("content");
		ChatSimulator.ToolCall call = completion.toolCall();
		if (call != null) {
			ObjectNode block = content.addObject()
				.put("type", "tool_use")
				.put("id", call.id())
				.put("name", call.name());
			block.set("input", this.jsonMapper.readTree(call.arguments()));
		}
		else {
			content.addObject().put("type", "text").put("text", completion.content());
		}
		message.put("stop_reason", stopReason(completion));
		message.set("usage", usage(completion));
		return message;
	}

	/**
	 * The server-sent events of a streamed answer, in order: {@code message_start}, one
	 * content block in pieces, {@code message_delta} with the stop reason and the usage,
	 * {@code message_stop}.
	 * @param id the message id
	 * @param completion the simulator's answer
	 * @return the events
	 */
	List<Event> events(String id, ChatSimulator.Completion completion) {
		List<Event> events = new ArrayList<>();
		ObjectNode start = this.jsonMapper.createObjectNode().put("type", "message_start");
		ObjectNode head = messageHead(id, completion);
		head.putArray("content");
		head.putNull("stop_reason");
		head.set("usage", usage(completion).put("output_tokens", 1));
		start.set("message", head);
		events.add(new Event("message_start", start));
		ChatSimulator.ToolCall call = completion.toolCall();
		ObjectNode blockStart = block("content_block_start");
		if (call != null) {
			blockStart.putObject("content_block")
				.put("type", "tool_use")
				.put("id", call.id())
				.put("name", call.name())
				.putObject("input");
			events.add(new Event("content_block_start", blockStart));
			events.add(delta("input_json_delta", "partial_json", call.arguments()));
		}
		else {
			blockStart.putObject("content_block").put("type", "text").put("text", "");
			events.add(new Event("content_block_start", blockStart));
			for (String piece : ChatSimulator.pieces(Objects.requireNonNullElse(completion.content(), ""))) {
				events.add(delta("text_delta", "text", piece));
			}
		}
		events.add(new Event("content_block_stop", block("content_block_stop")));
		ObjectNode messageDelta = this.jsonMapper.createObjectNode().put("type", "message_delta");
		messageDelta.putObject("delta").put("stop_reason", stopReason(completion)).putNull("stop_sequence");
		messageDelta.set("usage", usage(completion));
		events.add(new Event("message_delta", messageDelta));
		events.add(new Event("message_stop", this.jsonMapper.createObjectNode().put("type", "message_stop")));
		return events;
	}

	private void addMessages(ArrayNode messages, JsonNode message) {
		String role = message.path("role").asString("user");
		JsonNode content = message.path("content");
		if (!content.isArray()) {
			messages.addObject().put("role", role).put("content", content.asString(""));
			return;
		}
		StringBuilder text = new StringBuilder();
		ArrayNode toolCalls = this.jsonMapper.createArrayNode();
		for (JsonNode block : content.values()) {
			switch (block.path("type").asString("")) {
				case "text" -> text.append(block.path("text").asString(""));
				case "tool_use" -> toolCalls.addObject()
					.put("id", block.path("id").asString(""))
					.put("type", "function")
					.putObject("function")
					.put("name", block.path("name").asString(""))
					.put("arguments", block.path("input").toString());
				case "tool_result" -> messages.addObject()
					.put("role", "tool")
					.put("tool_call_id", block.path("tool_use_id").asString(""))
					.put("content", text(block.path("content")));
				default -> {
				}
			}
		}
		if (!text.isEmpty() || !toolCalls.isEmpty()) {
			ObjectNode translated = messages.addObject().put("role", role).put("content", text.toString());
			if (!toolCalls.isEmpty()) {
				translated.set("tool_calls", toolCalls);
			}
		}
	}

	private ObjectNode messageHead(String id, ChatSimulator.Completion completion) {
		return this.jsonMapper.createObjectNode()
			.put("id", id)
			.put("type", "message")
			.put("role", "assistant")
			.put("model", completion.model())
			.putNull("stop_sequence");
	}

	private ObjectNode usage(ChatSimulator.Completion completion) {
		return this.jsonMapper.createObjectNode()
			.put("input_tokens", completion.promptTokens() - completion.cachedTokens())
			.put("cache_creation_input_tokens", 0)
			.put("cache_read_input_tokens", completion.cachedTokens())
			.put("output_tokens", completion.completionTokens());
	}

	private ObjectNode block(String type) {
		return this.jsonMapper.createObjectNode().put("type", type).put("index", 0);
	}

	private Event delta(String type, String field, String value) {
		ObjectNode delta = block("content_block_delta");
		delta.putObject("delta").put("type", type).put(field, value);
		return new Event("content_block_delta", delta);
	}

	private static String stopReason(ChatSimulator.Completion completion) {
		return switch (completion.finishReason()) {
			case "length" -> "max_tokens";
			case "tool_calls" -> "tool_use";
			default -> "end_turn";
		};
	}

	/** A string, or the text of an array of text blocks. */
	private static String text(JsonNode content) {
		if (!content.isArray()) {
			return content.asString("");
		}
		StringBuilder text = new StringBuilder();
		content.values().forEach((block) -> text.append(block.path("text").asString("")));
		return text.toString();
	}

	/**
	 * A server-sent event.
	 *
	 * @param name the event name
	 * @param data its JSON
	 */
	record Event(String name, JsonNode data) {
	}

}
