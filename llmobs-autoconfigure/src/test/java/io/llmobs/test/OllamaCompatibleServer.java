package io.llmobs.test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scriptable local server speaking Ollama's chat API ({@code POST /api/chat}, plain and
 * streamed as newline-delimited JSON), for tests driving Spring AI's real Ollama client.
 * Usage is written as Ollama reports it: {@code prompt_eval_count} and {@code eval_count}
 * on the last message; Ollama reports no cache or reasoning tokens.
 */
public final class OllamaCompatibleServer extends StubServer<OllamaCompatibleServer> {

	/** Model reported when a request names none. */
	public static final String FALLBACK_MODEL = "llama3.2";

	private OllamaCompatibleServer() {
		super("ollama-stub");
	}

	/** Starts a server on an ephemeral port of 127.0.0.1. */
	public static OllamaCompatibleServer start() {
		return new OllamaCompatibleServer();
	}

	@Override
	protected boolean isChat(RecordedRequest request) {
		return request.path().equals("/api/chat");
	}

	@Override
	protected void respondChat(HttpExchange exchange, RecordedRequest request, StubResponse stub)
			throws IOException, InterruptedException {
		String model = (stub.model() != null) ? stub.model() : modelOr(request.model(), FALLBACK_MODEL);
		if (!request.isStream()) {
			sendJson(exchange, 200, done(message(model, stub.contentText()), stub));
			return;
		}
		List<ObjectNode> lines = new ArrayList<>();
		for (String piece : split(stub.contentText(), stub.chunks())) {
			lines.add(message(model, piece).put("done", false));
		}
		lines.add(done(message(model, ""), stub));
		sendLines(exchange, lines, stub.chunkDelay());
	}

	private static ObjectNode message(String model, String text) {
		ObjectNode response = JSON.createObjectNode();
		response.put("model", model);
		response.put("created_at", Instant.now().toString());
		ObjectNode message = response.putObject("message");
		message.put("role", "assistant");
		message.put("content", text);
		return response;
	}

	private static ObjectNode done(ObjectNode response, StubResponse stub) {
		response.put("done", true);
		response.put("done_reason", "length".equals(stub.effectiveFinishReason()) ? "length" : "stop");
		response.put("total_duration", 1_000_000);
		response.put("load_duration", 1_000);
		if (stub.hasUsage()) {
			response.put("prompt_eval_count", stub.promptTokens());
			response.put("prompt_eval_duration", 1_000);
			response.put("eval_count", stub.completionTokens());
			response.put("eval_duration", 1_000);
		}
		return response;
	}

	@Override
	protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
		sendJson(exchange, status, JSON.createObjectNode().put("error", message));
	}

}
