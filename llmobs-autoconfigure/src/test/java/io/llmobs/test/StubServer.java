package io.llmobs.test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * What every scriptable local provider server shares: an HTTP server on an ephemeral port
 * of 127.0.0.1, the recorded requests, the queue of {@link StubResponse}s answered in
 * FIFO order, and the writing of JSON bodies and event streams. Each subclass speaks one
 * provider's wire format.
 * <p>
 * A test class that shares one server across its tests registers it as a static
 * extension, which closes it after the last test.
 *
 * @param <S> the server's own type, returned by the fluent methods
 */
public abstract class StubServer<S extends StubServer<S>> implements AutoCloseable, AfterAllCallback {

	/** Content of the default response, used when no scripted response is queued. */
	public static final String DEFAULT_CONTENT = "stub answer";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int THREADS = 16;

	private final HttpServer server;

	private final ExecutorService executor;

	private final Object lock = new Object();

	private final Deque<StubResponse> queue = new ArrayDeque<>();

	private final List<RecordedRequest> requests = new ArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private volatile @Nullable Function<RecordedRequest, StubResponse> responder;

	/**
	 * Starts the server.
	 * @param name the prefix of its threads' names
	 */
	protected StubServer(String name) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the " + name + " test server", ex);
		}
		AtomicInteger threadIds = new AtomicInteger();
		ThreadFactory threads = (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + threadIds.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.executor = Executors.newFixedThreadPool(THREADS, threads);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** The root of the server: {@code http://127.0.0.1:<port>}. */
	public String rootUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** The local port the server listens on. */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Queues scripted chat responses, answered in FIFO order. */
	public S enqueue(StubResponse... responses) {
		synchronized (this.lock) {
			for (StubResponse response : responses) {
				this.queue.add(response);
			}
		}
		return self();
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
	 * Answers chat requests that find no queued response with what the responder makes of
	 * the request, for concurrent tests where the order of requests is unknown.
	 */
	public S respondWith(Function<RecordedRequest, StubResponse> responder) {
		this.responder = responder;
		return self();
	}

	/** Forgets recorded requests, drops queued responses and the responder. */
	public void reset() {
		synchronized (this.lock) {
			this.queue.clear();
			this.requests.clear();
		}
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

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

	/** Whether the request asks for a chat answer, which takes a queued response. */
	protected abstract boolean isChat(RecordedRequest request);

	/** Answers a chat request with the scripted response, waited for already. */
	protected abstract void respondChat(HttpExchange exchange, RecordedRequest request, StubResponse stub)
			throws IOException, InterruptedException;

	/** Answers a request that is not a chat request (404 unless overridden). */
	protected void respondOther(HttpExchange exchange, RecordedRequest request) throws IOException {
		sendError(exchange, 404, "Unknown path " + request.path());
	}

	/** Answers with the scripted error. */
	protected void respondError(HttpExchange exchange, StubResponse stub) throws IOException {
		sendError(exchange, stub.errorStatus(), stub.errorMessage());
	}

	/** Sends the provider's error body with the status. */
	protected abstract void sendError(HttpExchange exchange, int status, String message) throws IOException;

	/** A new id, unique within this server. */
	protected long nextId() {
		return this.ids.incrementAndGet();
	}

	private void handle(HttpExchange exchange) {
		try {
			byte[] raw = exchange.getRequestBody().readAllBytes();
			String method = exchange.getRequestMethod();
			JsonNode body = parse(raw);
			RecordedRequest request = new RecordedRequest(method, exchange.getRequestURI().getPath(),
					copy(exchange.getRequestHeaders()), body);
			boolean chat = "POST".equals(method) && body.isObject() && isChat(request);
			StubResponse stub = null;
			synchronized (this.lock) {
				this.requests.add(request);
				if (chat) {
					stub = this.queue.poll();
				}
			}
			if (!"POST".equals(method)) {
				sendError(exchange, 405, "Method " + method + " not allowed");
			}
			else if (!body.isObject()) {
				sendError(exchange, 400, "Request body is not a JSON object");
			}
			else if (chat) {
				Function<RecordedRequest, StubResponse> responder = this.responder;
				if (stub == null) {
					stub = (responder != null) ? responder.apply(request) : StubResponse.completion(DEFAULT_CONTENT);
				}
				sleep(stub.delay());
				stub.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
				if (stub.isError()) {
					if (stub.errorStatus() == 429) {
						exchange.getResponseHeaders().set("Retry-After", "0");
					}
					respondError(exchange, stub);
				}
				else {
					respondChat(exchange, request, stub);
				}
			}
			else {
				respondOther(exchange, request);
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
				sendError(exchange, 500, "Stub server failure: " + ex);
			}
			catch (IOException | RuntimeException ignored) {
				// response already started
			}
		}
		finally {
			exchange.close();
		}
	}

	/** Sends a JSON body with the status. */
	protected void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("x-request-id", "req_stub" + nextId());
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/**
	 * Streams the events as server-sent events, {@code chunkDelay} apart.
	 * @param events each event's name (or {@code null} for none) and JSON data
	 * @param done the data of a last event without name, or {@code null} for none
	 */
	protected void sendEvents(HttpExchange exchange, List<Event> events, @Nullable String done, Duration chunkDelay)
			throws IOException, InterruptedException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.getResponseHeaders().set("x-request-id", "req_stream" + nextId());
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				sleep(chunkDelay);
			}
			Event event = events.get(i);
			String name = (event.name() != null) ? "event: " + event.name() + "\n" : "";
			write(out, name + "data: " + JSON.writeValueAsString(event.data()) + "\n\n");
		}
		if (done != null) {
			write(out, "data: " + done + "\n\n");
		}
	}

	/**
	 * Streams the objects as newline-delimited JSON, {@code chunkDelay} apart.
	 */
	protected void sendLines(HttpExchange exchange, List<? extends JsonNode> lines, Duration chunkDelay)
			throws IOException, InterruptedException {
		exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		for (int i = 0; i < lines.size(); i++) {
			if (i > 0) {
				sleep(chunkDelay);
			}
			write(out, JSON.writeValueAsString(lines.get(i)) + "\n");
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	/** The model the request names, else the fallback. */
	protected static String modelOr(@Nullable String model, String fallback) {
		return (model != null && !model.isEmpty()) ? model : fallback;
	}

	/** Splits the text into at most {@code parts} non-empty pieces. */
	protected static List<String> split(String text, int parts) {
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

	/** Waits for the duration, when positive. */
	protected static void sleep(Duration duration) throws InterruptedException {
		if (!duration.isZero() && !duration.isNegative()) {
			Thread.sleep(duration.toMillis());
		}
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

	/**
	 * One server-sent event.
	 *
	 * @param name the event's name, {@code null} for none
	 * @param data its JSON data
	 */
	protected record Event(@Nullable String name, JsonNode data) {
	}

}
