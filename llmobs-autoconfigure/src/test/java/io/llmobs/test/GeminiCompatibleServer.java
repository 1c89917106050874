package io.llmobs.test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scriptable local server speaking the Gemini API's {@code generateContent} and
 * {@code streamGenerateContent} (server-sent events), for tests driving Spring AI's real
 * Google GenAI client. Usage is written as Gemini reports it: {@code promptTokenCount}
 * with the cached tokens inside it ({@code cachedContentTokenCount}),
 * {@code candidatesTokenCount} without the thinking tokens, which come beside it as
 * {@code thoughtsTokenCount}. A stream's chunks carry the prompt's usage and the last one
 * the full usage, as Gemini sends them.
 */
public final class GeminiCompatibleServer extends StubServer<GeminiCompatibleServer> {

	/** Model reported when a request names none. */
	public static final String FALLBACK_MODEL = "gemini-2.5-flash";

	private GeminiCompatibleServer() {
		super("gemini-stub");
	}

	/** Starts a server on an ephemeral port of 127.0.0.1. */
	public static GeminiCompatibleServer start() {
		return new GeminiCompatibleServer();
	}

	@Override
	protected boolean isChat(RecordedRequest request) {
		return request.path().endsWith(":generateContent") || request.path().endsWith(":streamGenerateContent");
	}

	@Override
	protected void respondChat(HttpExchange exchange, RecordedRequest request, StubResponse stub)
			throws IOException, InterruptedException {
		String path = request.path();
		String model = (stub.model() != null) ? stub.model()
				: modelOr(path.substring(path.lastIndexOf('/') + 1, path.lastIndexOf(':')), FALLBACK_MODEL);
		String id = "resp_stub" + nextId();
		if (path.endsWith(":generateContent")) {
			ObjectNode response = response(id, model, stub.contentText());
			finish(response, stub);
			sendJson(exchange, 200, response);
			return;
		}
		List<String> pieces = split(stub.contentText(), stub.chunks());
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < pieces.size(); i++) {
			ObjectNode chunk = response(id, model, pieces.get(i));
			if (i == pieces.size() - 1) {
				finish(chunk, stub);
			}
			else if (stub.hasUsage()) {
				ObjectNode usage = chunk.putObject("usageMetadata");
				usage.put("promptTokenCount", stub.promptTokens());
				usage.put("totalTokenCount", stub.promptTokens());
			}
			events.add(new Event(null, chunk));
		}
		sendEvents(exchange, events, null, stub.chunkDelay());
	}

	private static ObjectNode response(String id, String model, String text) {
		ObjectNode response = JSON.createObjectNode();
		ObjectNode candidate = response.putArray("candidates").addObject();
		ObjectNode content = candidate.putObject("content");
		content.put("role", "model");
		content.putArray("parts").addObject().put("text", text);
		candidate.put("index", 0);
		response.put("modelVersion", model);
		response.put("responseId", id);
		return response;
	}

	private static void finish(ObjectNode response, StubResponse stub) {
		((ObjectNode) response.get("candidates").get(0)).put("finishReason",
				"length".equals(stub.effectiveFinishReason()) ? "MAX_TOKENS" : "STOP");
		if (stub.hasUsage()) {
			ObjectNode usage = response.putObject("usageMetadata");
			usage.put("promptTokenCount", stub.promptTokens());
			usage.put("candidatesTokenCount", stub.completionTokens() - stub.reasoningTokens());
			usage.put("totalTokenCount", stub.promptTokens() + stub.completionTokens());
			if (stub.cachedTokens() > 0) {
				usage.put("cachedContentTokenCount", stub.cachedTokens());
			}
			if (stub.reasoningTokens() > 0) {
				usage.put("thoughtsTokenCount", stub.reasoningTokens());
			}
		}
	}

	@Override
	protected void sendError(HttpExchange exchange, int status, String message) throws IOException {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("code", status);
		error.put("message", message);
		error.put("status", switch (status) {
			case 429 -> "RESOURCE_EXHAUSTED";
			case 503 -> "UNAVAILABLE";
			default -> (status >= 500) ? "INTERNAL" : "INVALID_ARGUMENT";
		});
		sendJson(exchange, status, body);
	}

}
