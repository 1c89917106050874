package io.llmobs.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that serves one model catalog document at {@code /catalog.json},
 * answers with an error status, or hangs, as a test sets it.
 */
public final class CatalogServer implements AutoCloseable {

	private final HttpServer server;

	private final CountDownLatch released = new CountDownLatch(1);

	private final AtomicInteger requests = new AtomicInteger();

	private volatile String body = "{}";

	private volatile int status = 200;

	private volatile boolean hanging;

	private CatalogServer(HttpServer server) {
		this.server = server;
		server.createContext("/catalog.json", this::answer);
		server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "catalog-server");
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
	}

	/**
	 * Starts a server on a free port of the loopback address.
	 * @return the server
	 */
	public static CatalogServer start() {
		try {
			return new CatalogServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The URL of the catalog.
	 * @return the URL
	 */
	public String url() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort()
				+ "/catalog.json";
	}

	/**
	 * Serves a document from now on.
	 * @param body the document
	 * @return this server
	 */
	public CatalogServer serve(String body) {
		this.body = body;
		this.status = 200;
		this.hanging = false;
		return this;
	}

	/**
	 * Answers with a status and no catalog from now on.
	 * @param status the HTTP status
	 */
	public void fail(int status) {
		this.status = status;
	}

	/**
	 * Accepts requests and never answers them from now on, until closed.
	 */
	public void hang() {
		this.hanging = true;
	}

	/**
	 * The number of requests received.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		if (this.hanging) {
			try {
				this.released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(this.status, (this.status == 200) ? bytes.length : -1);
		try (OutputStream output = exchange.getResponseBody()) {
			if (this.status == 200) {
				output.write(bytes);
			}
		}
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

}
