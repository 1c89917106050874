package io.llmobs.test;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One HTTP request received by {@link OpenAiCompatibleServer}.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the request path, e.g. {@code /v1/chat/completions}
 * @param headers the request headers, keyed case-insensitively
 * @param body the parsed JSON body, a missing node when the body was empty or not JSON
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body) {

	/** The first value of the named header (case-insensitive), or {@code null}. */
	public String header(String name) {
		List<String> values = this.headers.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** The {@code model} of the request body, or {@code null}. */
	public String model() {
		JsonNode model = this.body.get("model");
		return (model == null || model.isNull()) ? null : model.asString();
	}

	/** The {@code messages} array of the request body (a missing node when absent). */
	public JsonNode messages() {
		return this.body.path("messages");
	}

	/** Whether the request asked for a streamed ({@code "stream": true}) response. */
	public boolean isStream() {
		return this.body.path("stream").asBoolean(false);
	}

	/** Whether the request is a chat completion request. */
	public boolean isChatCompletion() {
		return this.path.endsWith("/chat/completions");
	}

	/** Whether the request is an embeddings request. */
	public boolean isEmbeddings() {
		return this.path.endsWith("/embeddings");
	}

}
