package io.llmobs.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scriptable local server speaking Anthropic's Messages API ({@code POST /v1/messages},
 * plain and streamed), for tests driving Spring AI's real Anthropic client. Usage is
 * written as Anthropic reports it: {@code input_tokens} without the cached tokens, which
 * come beside it as {@code cache_read_input_tokens} and
 * {@code cache_creation_input_tokens}; thinking tokens are part of {@code output_tokens}.
 * A stream carries the usage in {@code message_start} and, as the API does today, the
 * cumulative usage again in {@code message_delta}.
 */
public final class AnthropicCompatibleServer extends StubServer<AnthropicCompatibleServer> {

	/** Model reported when a request names none. */
	public static final String FALLBACK_MODEL = "claude-haiku-4-5";

	private AnthropicCompatibleServer() {
		super("anthropic-stub");
	}

	/** Starts a server on an ephemeral port of 127.0.0.1. */
	public static AnthropicCompatibleServer start() {
		return new AnthropicCompatibleServer();
	}

	@Override
	protected boolean isChat(RecordedRequest request) {
		return request.path().endsWith("/v1/messages");
	}

	@Override
	protected void respondChat(HttpExchange exchange, RecordedRequest request, StubResponse stub)
			throws IOException, InterruptedException {
		String id = "msg_stub" + nextId();
		String model = (stub.model() != null) ? stub.model() : modelOr(request.model(), FALLBACK_MODEL);
		if (!request.isStream()) {
			ObjectNode message = message(id, model, stub);
			ObjectNode text = message.putArray("content").addObject();
			text.put("type", "text");
			text.put("text", stub.contentText());
			text.putNull("citations");
			message.put("stop_reason", stopReason(stub));
			sendJson(exchange, 200, message);
			return;
		}
		List<Event> events = new ArrayList<>();
		ObjectNode start = JSON.createObjectNode();
		start.put("type", "message_start");
		ObjectNode startMessage = message(id, model, stub);
		startMessage.putArray("content");
		startMessage.putNull("stop_reason");
		start.set("message", startMessage);
		events.add(new Event("message_start", start));
		ObjectNode blockStart = event("content_block_start");
		ObjectNode block = blockStart.putObject("content_block");
		block.put("type", "text");
		block.put("text", "");
		events.add(new Event("content_block_start", blockStart));
		for (String piece : split(stub.contentText(), stub.chunks())) {
			ObjectNode delta = event("content_block_delta");
			ObjectNode text = delta.putObject("delta");
			text.put("type", "text_delta");
			text.put("text", piece);
			events.add(new Event("content_block_delta", delta));
		}
		events.add(new Event("content_block_stop", event("content_block_stop")));
		ObjectNode messageDelta = JSON.createObjectNode();
		messageDelta.put("type", "message_delta");
		ObjectNode delta = messageDelta.putObject("delta");
		delta.put("stop_reason", stopReason(stub));
		delta.putNull("stop_sequence");
		if (stub.hasUsage()) {
			messageDelta.set("usage", usage(stub));
		}
		events.add(new Event("message_delta", messageDelta));
		ObjectNode stop = JSON.createObjectNode();
		stop.put("type", "message_stop");
		events.add(new Event("message_stop", stop));
		sendEvents(exchange, events, null, stub.chunkDelay());
	}

	private static ObjectNode message(String id, String model, StubResponse stub) {
		ObjectNode message = JSON.createObjectNode();
		message.put("id", id);
		message.put("type", "message");
		message.put("role", "assistant");
		message.put("model", model);
		message.putNull("stop_sequence");
		message.set("usage",
				stub.hasUsage() ? usage(stub) : JSON.createObjectNode().put("input_tokens", 0).put("output_tokens", 0));
		return message;
	}

	private static ObjectNode event(String type) {
		ObjectNode event = JSON.createObjectNode();
		event.put("type", type);
		event.put("index", 0);
		return event;
	}

	private static ObjectNode usage(StubResponse stub) {
		ObjectNode usage = JSON.createObjectNode();
		usage.put("input_tokens", stub.promptTokens() - stub.cachedTokens() - stub.cacheWriteTokens());
		usage.put("cache_creation_input_tokens", stub.cacheWriteTokens());
		usage.put("cache_read_input_tokens", stub.cachedTokens());
		usage.put("output_tokens", stub.completionTokens());
		return usage;
	}

	private static String stopReason(StubResponse stub) {
		return switch (stub.effectiveFinishReason()) {
			case "length" -> "max_tokens";
			case "tool_calls" -> "tool_use";
			default -> "end_turn";
		};
	}

	@Override
	protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
		ObjectNode body = JSON.createObjectNode();
		body.put("type", "error");
		ObjectNode error = body.putObject("error");
		error.put("type", switch (status) {
			case 429 -> "rate_limit_error";
			case 529 -> "overloaded_error";
			default -> (status >= 500) ? "api_error" : "invalid_request_error";
		});
		error.put("message", message);
		sendJson(exchange, status, body);
	}

}
