package io.llmobs.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scriptable local OpenAI-compatible HTTP server (chat completions, streaming,
 * embeddings) for integration tests driving Spring AI's real OpenAI client.
 * <p>
 * A test class that shares one server across its tests registers it as a static
 * extension, which closes it after the last test:
 * {@code @RegisterExtension static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();}.
 */
public final class OpenAiCompatibleServer implements AutoCloseable, AfterAllCallback {

	/** Content of the default response, used when no scripted response is queued. */
	public static final String DEFAULT_CONTENT = "stub answer";

	/** Model reported when a request names none. */
	public static final String FALLBACK_MODEL = "gpt-4o-mini";

	/** Size of embedding vectors when the request does not ask for {@code dimensions}. */
	public static final int DEFAULT_EMBEDDING_DIMENSIONS = 8;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int THREADS = 16;

	private final HttpServer server;

	private final ExecutorService executor;

	private final Object lock = new Object();

	private final Deque<StubResponse> queue = new ArrayDeque<>();

	private final List<RecordedRequest> requests = new ArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private volatile @Nullable ToLongFunction<RecordedRequest> promptTokenCounter;

	private volatile @Nullable Function<RecordedRequest, StubResponse> responder;

	private OpenAiCompatibleServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/** Starts a server on an ephemeral port of 127.0.0.1. */
	public static OpenAiCompatibleServer start() {
		HttpServer httpServer;
		try {
			httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the OpenAI-compatible test server", ex);
		}
		AtomicInteger threadIds = new AtomicInteger();
		ThreadFactory threads = (runnable) -> {
			Thread thread = new Thread(runnable, "openai-stub-" + threadIds.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads);
		OpenAiCompatibleServer stub = new OpenAiCompatibleServer(httpServer, executor);
		httpServer.createContext("/", stub::handle);
		httpServer.setExecutor(executor);
		httpServer.start();
		return stub;
	}

	/**
	 * Base URL to configure as the OpenAI base URL: {@code http://127.0.0.1:<port>/v1}.
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/v1";
	}

	/** The local port the server listens on. */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Queues scripted chat completion responses, answered in FIFO order. */
	public OpenAiCompatibleServer enqueue(StubResponse... responses) {
		synchronized (this.lock) {
			for (StubResponse response : responses) {
				this.queue.add(response);
			}
		}
		return this;
	}

	/** Number of queued chat responses not yet consumed. */
	public int pendingResponses() {
		synchronized (this.lock) {
			return this.queue.size();
		}
	}

	/** All requests received so far, in arrival order. */
	public List<RecordedRequest> requests() {
		synchronized (this.lock) {
			return List.copyOf(this.requests);
		}
	}

	/** The chat completion requests received so far, in arrival order. */
	public List<RecordedRequest> chatRequests() {
		return requests().stream().filter(RecordedRequest::isChatCompletion).toList();
	}

	/** The embeddings requests received so far, in arrival order. */
	public List<RecordedRequest> embeddingRequests() {
		return requests().stream().filter(RecordedRequest::isEmbeddings).toList();
	}

	/** The most recent request; fails when none was received. */
	public RecordedRequest lastRequest() {
		synchronized (this.lock) {
			if (this.requests.isEmpty()) {
				throw new IllegalStateException("No request received");
			}
			return this.requests.get(this.requests.size() - 1);
		}
	}

	/**
	 * Reports {@code usage.prompt_tokens} of every chat completion as the counter
	 * computes it from the request, as a provider counts its own tokens, instead of the
	 * stub's fixed value.
	 */
	public OpenAiCompatibleServer promptTokens(ToLongFunction<RecordedRequest> counter) {
		this.promptTokenCounter = counter;
		return this;
	}

	/**
	 * Answers chat completions that find no queued response with what the responder makes
	 * of the request, for concurrent tests where the order of requests is unknown.
	 */
	public OpenAiCompatibleServer respondWith(Function<RecordedRequest, StubResponse> responder) {
		this.responder = responder;
		return this;
	}

	/**
	 * Forgets recorded requests, drops queued responses, the responder and the prompt
	 * token counter.
	 */
	public void reset() {
		synchronized (this.lock) {
			this.queue.clear();
			this.requests.clear();
		}
		this.promptTokenCounter = null;
		this.responder = null;
	}

	/** Stops the server immediately. */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/** The deterministic unit vector the server returns for {@code text}. */
	public static float[] embeddingOf(String text, int dimensions) {
		long seed = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			seed = (seed ^ (b & 0xff)) * 0x100000001b3L;
		}
		float[] vector = new float[dimensions];
		double norm = 0;
		for (int i = 0; i < dimensions; i++) {
			long bits = mix(seed + (i + 1) * 0x9e3779b97f4a7c15L);
			double value = ((bits >>> 11) * 0x1.0p-53) * 2 - 1;
			vector[i] = (float) value;
			norm += value * value;
		}
		double length = Math.sqrt(norm);
		for (int i = 0; i < dimensions && length > 0; i++) {
			vector[i] = (float) (vector[i] / length);
		}
		return vector;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	private void handle(HttpExchange exchange) {
		try {
			byte[] raw = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			JsonNode body = parse(raw);
			RecordedRequest request = new RecordedRequest(method, path, copy(exchange.getRequestHeaders()), body);
			boolean chat = path.endsWith("/chat/completions");
			StubResponse stub = null;
			synchronized (this.lock) {
				this.requests.add(request);
				if (chat && "POST".equals(method) && body.isObject()) {
					stub = this.queue.poll();
				}
			}
			if (!"POST".equals(method)) {
				sendError(exchange, 405, "Method " + method + " not allowed", "invalid_request_error", null);
			}
			else if (!body.isObject()) {
				sendError(exchange, 400, "Request body is not a JSON object", "invalid_request_error", null);
			}
			else if (chat) {
				Function<RecordedRequest, StubResponse> responder = this.responder;
				if (stub == null) {
					stub = (responder != null) ? responder.apply(request) : StubResponse.completion(DEFAULT_CONTENT);
				}
				respondChat(exchange, request, stub);
			}
			else if (path.endsWith("/embeddings")) {
				respondEmbeddings(exchange, request);
			}
			else {
				sendError(exchange, 404, "Unknown path " + path, "invalid_request_error", "unknown_url");
			}
		}
		catch (IOException ex) {
			// the client went away: nothing left to answer
		}
		catch (InterruptedException ex) {
			// the server is closing
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			try {
				sendError(exchange, 500, "Stub server failure: " + ex, "server_error", null);
			}
			catch (IOException | RuntimeException ignored) {
				// response already started
			}
		}
		finally {
			exchange.close();
		}
	}

	private void respondChat(HttpExchange exchange, RecordedRequest request, StubResponse stub)
			throws IOException, InterruptedException {
		sleep(stub.delay());
		stub.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		if (stub.isError()) {
			if (stub.errorStatus() == 429) {
				exchange.getResponseHeaders().set("Retry-After", "0");
			}
			sendError(exchange, stub.errorStatus(), stub.errorMessage(), stub.effectiveErrorType(),
					stub.effectiveErrorCode());
			return;
		}
		String id = "chatcmpl-stub" + this.ids.incrementAndGet();
		long created = System.currentTimeMillis() / 1000;
		String model = (stub.model() != null) ? stub.model() : requestModel(request);
		if (request.isStream()) {
			boolean includeUsage = request.body().path("stream_options").path("include_usage").asBoolean(false);
			stream(exchange, stub, id, created, model, includeUsage ? usage(stub, request) : null);
		}
		else {
			ObjectNode completion = envelope(id, "chat.completion", created, model);
			ObjectNode choice = completion.putArray("choices").addObject();
			choice.put("index", 0);
			ObjectNode message = choice.putObject("message");
			message.put("role", "assistant");
			message.put("content", stub.contentText());
			message.putNull("refusal");
			if (!stub.toolCalls().isEmpty()) {
				ArrayNode toolCalls = message.putArray("tool_calls");
				for (StubResponse.ToolCall call : stub.toolCalls()) {
					ObjectNode toolCall = toolCalls.addObject();
					toolCall.put("id", call.id());
					toolCall.put("type", "function");
					ObjectNode function = toolCall.putObject("function");
					function.put("name", call.name());
					function.put("arguments", call.argumentsJson());
				}
			}
			message.putArray("annotations");
			choice.putNull("logprobs");
			choice.put("finish_reason", stub.effectiveFinishReason());
			if (stub.hasUsage()) {
				completion.set("usage", usage(stub, request));
			}
			sendJson(exchange, 200, completion);
		}
	}

	/**
	 * Streams the stub; {@code usage} is the usage chunk's payload when the request asked
	 * for one.
	 */
	private void stream(HttpExchange exchange, StubResponse stub, String id, long created, String model,
			@Nullable ObjectNode usage) throws IOException, InterruptedException {
		boolean includeUsage = usage != null;
		List<ObjectNode> events = new ArrayList<>();
		String content = stub.contentText();
		ObjectNode first = delta(events, id, created, model, includeUsage);
		first.put("role", "assistant");
		first.put("content", (content != null) ? "" : null);
		first.putNull("refusal");
		if (content != null) {
			for (String piece : split(content, stub.chunks())) {
				delta(events, id, created, model, includeUsage).put("content", piece);
			}
		}
		List<StubResponse.ToolCall> toolCalls = stub.toolCalls();
		for (int index = 0; index < toolCalls.size(); index++) {
			StubResponse.ToolCall call = toolCalls.get(index);
			ObjectNode header = delta(events, id, created, model, includeUsage).putArray("tool_calls").addObject();
			header.put("index", index);
			header.put("id", call.id());
			header.put("type", "function");
			ObjectNode function = header.putObject("function");
			function.put("name", call.name());
			function.put("arguments", "");
			for (String piece : split(call.argumentsJson(), stub.chunks())) {
				ObjectNode fragment = delta(events, id, created, model, includeUsage).putArray("tool_calls")
					.addObject();
				fragment.put("index", index);
				fragment.putObject("function").put("arguments", piece);
			}
		}
		delta(events, id, created, model, includeUsage);
		ObjectNode last = events.get(events.size() - 1);
		((ObjectNode) last.get("choices").get(0)).put("finish_reason", stub.effectiveFinishReason());
		if (usage != null && stub.hasUsage()) {
			ObjectNode usageChunk = envelope(id, "chat.completion.chunk", created, model);
			usageChunk.putArray("choices");
			usageChunk.set("usage", usage);
			events.add(usageChunk);
		}

		exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.getResponseHeaders().set("x-request-id", "req_" + id);
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				sleep(stub.chunkDelay());
			}
			writeEvent(out, JSON.writeValueAsString(events.get(i)));
		}
		writeEvent(out, "[DONE]");
	}

	private static void writeEvent(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static ObjectNode delta(List<ObjectNode> events, String id, long created, String model,
			boolean includeUsage) {
		ObjectNode chunk = envelope(id, "chat.completion.chunk", created, model);
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		ObjectNode delta = choice.putObject("delta");
		choice.putNull("logprobs");
		choice.putNull("finish_reason");
		if (includeUsage) {
			chunk.putNull("usage");
		}
		events.add(chunk);
		return delta;
	}

	private static ObjectNode envelope(String id, String object, long created, String model) {
		ObjectNode node = JSON.createObjectNode();
		node.put("id", id);
		node.put("object", object);
		node.put("created", created);
		node.put("model", model);
		node.put("service_tier", "default");
		node.putNull("system_fingerprint");
		return node;
	}

	private ObjectNode usage(StubResponse stub, RecordedRequest request) {
		ToLongFunction<RecordedRequest> counter = this.promptTokenCounter;
		long promptTokens = (counter != null) ? counter.applyAsLong(request) : stub.promptTokens();
		ObjectNode usage = JSON.createObjectNode();
		usage.put("prompt_tokens", promptTokens);
		usage.put("completion_tokens", stub.completionTokens());
		usage.put("total_tokens", promptTokens + stub.completionTokens());
		ObjectNode promptDetails = usage.putObject("prompt_tokens_details");
		promptDetails.put("cached_tokens", stub.cachedTokens());
		promptDetails.put("audio_tokens", 0);
		ObjectNode completionDetails = usage.putObject("completion_tokens_details");
		completionDetails.put("reasoning_tokens", stub.reasoningTokens());
		completionDetails.put("audio_tokens", 0);
		completionDetails.put("accepted_prediction_tokens", 0);
		completionDetails.put("rejected_prediction_tokens", 0);
		return usage;
	}

	private void respondEmbeddings(HttpExchange exchange, RecordedRequest request) throws IOException {
		JsonNode body = request.body();
		List<String> inputs = new ArrayList<>();
		long tokens = 0;
		JsonNode input = body.path("input");
		List<JsonNode> items = new ArrayList<>();
		if (input.isArray() && !input.isEmpty() && !input.get(0).isNumber()) {
			input.forEach(items::add);
		}
		else {
			items.add(input);
		}
		for (JsonNode item : items) {
			if (item.isArray()) {
				StringBuilder text = new StringBuilder();
				item.forEach((token) -> text.append(token.asLong()).append(' '));
				inputs.add(text.toString().trim());
				tokens += item.size();
			}
			else {
				String text = item.asString("");
				inputs.add(text);
				tokens += Math.max(1, text.isBlank() ? 0 : text.trim().split("\\s+").length);
			}
		}
		int dimensions = body.path("dimensions").asInt(DEFAULT_EMBEDDING_DIMENSIONS);
		boolean base64 = "base64".equals(body.path("encoding_format").asString(""));

		ObjectNode response = JSON.createObjectNode();
		response.put("object", "list");
		ArrayNode data = response.putArray("data");
		for (int i = 0; i < inputs.size(); i++) {
			float[] vector = embeddingOf(inputs.get(i), dimensions);
			ObjectNode embedding = data.addObject();
			embedding.put("object", "embedding");
			embedding.put("index", i);
			if (base64) {
				ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
				for (float value : vector) {
					buffer.putFloat(value);
				}
				embedding.put("embedding", Base64.getEncoder().encodeToString(buffer.array()));
			}
			else {
				ArrayNode values = embedding.putArray("embedding");
				for (float value : vector) {
					values.add(value);
				}
			}
		}
		response.put("model", requestModel(request));
		ObjectNode usage = response.putObject("usage");
		usage.put("prompt_tokens", tokens);
		usage.put("total_tokens", tokens);
		sendJson(exchange, 200, response);
	}

	private void sendError(HttpExchange exchange, int status, String message, String type, String code)
			throws IOException {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", message);
		error.put("type", type);
		error.putNull("param");
		error.put("code", code);
		sendJson(exchange, status, body);
	}

	private void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("x-request-id", "req_stub" + this.ids.incrementAndGet());
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static String requestModel(RecordedRequest request) {
		String model = request.model();
		return (model != null && !model.isEmpty()) ? model : FALLBACK_MODEL;
	}

	private static JsonNode parse(byte[] raw) {
		if (raw.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	private static Map<String, List<String>> copy(Headers headers) {
		Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		return Collections.unmodifiableMap(copy);
	}

	private static List<String> split(String text, int parts) {
		List<String> pieces = new ArrayList<>();
		int length = text.length();
		int count = Math.min(parts, length);
		int start = 0;
		for (int i = 1; i <= count; i++) {
			int end = (i == count) ? length : (int) ((long) length * i / count);
			if (end < length && end > start && Character.isLowSurrogate(text.charAt(end))) {
				end++;
			}
			if (end > start) {
				pieces.add(text.substring(start, end));
				start = end;
			}
		}
		return pieces;
	}

	private static void sleep(Duration duration) throws InterruptedException {
		if (!duration.isZero() && !duration.isNegative()) {
			Thread.sleep(duration.toMillis());
		}
	}

}
