package io.llmobs.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A real {@code redis-server} (the Debian package) on a free port, without persistence,
 * that a test can stop and start again on the same port. Without the binary the test is
 * skipped, unless {@code LLMOBS_E2E=required} (as CI sets it), which makes it fail.
 * <p>
 * {@code @RegisterExtension static final RedisServer redis = RedisServer.start();}
 */
public final class RedisServer implements AfterAllCallback {

	/** Where the Debian package installs the server. */
	public static final String BINARY = "/usr/bin/redis-server";

	private static final Pattern COMMAND_STAT = Pattern.compile("cmdstat_([^:]+):calls=(\\d+)");

	private final int port;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
		this.process = launch();
	}

	/**
	 * Starts a server on a free port; skips or fails the test when the binary is missing.
	 * @return the running server
	 */
	public static RedisServer start() {
		boolean required = "required".equals(System.getenv("LLMOBS_E2E"));
		boolean present = Files.isExecutable(Path.of(BINARY));
		if (required && !present) {
			throw new IllegalStateException(
					BINARY + " is missing and LLMOBS_E2E=required: apt-get install redis-server");
		}
		assumeThat(present).as(BINARY + " (apt-get install redis-server) to test the shared state").isTrue();
		return new RedisServer(freePort());
	}

	/** The port it listens on. */
	public int port() {
		return this.port;
	}

	/** Stops the server, as a Redis that goes down. */
	public void stop() {
		this.process.destroy();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts the server again, empty, on the same port. */
	public void restart() {
		this.process = launch();
	}

	/** Removes every key, as a flushed Redis. */
	public void flushAll() {
		command("FLUSHALL");
	}

	/**
	 * Makes the server answer nothing for a while ({@code DEBUG SLEEP}), as a slow Redis;
	 * returns at once.
	 * @param duration how long it sleeps
	 */
	public void sleep(Duration duration) {
		CountDownLatch sent = new CountDownLatch(1);
		Thread sleeper = new Thread(() -> {
			try (Socket socket = new Socket("localhost", this.port)) {
				OutputStream out = socket.getOutputStream();
				out.write(("DEBUG SLEEP " + duration.toMillis() / 1000.0 + "\r\n").getBytes(StandardCharsets.UTF_8));
				out.flush();
				sent.countDown();
				line(socket.getInputStream());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		sleeper.setDaemon(true);
		sleeper.start();
		try {
			sent.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The value of a string key.
	 * @param key the key
	 * @return its value, or {@code null} when there is none
	 */
	public String get(String key) {
		return send("GET " + key, true);
	}

	/**
	 * How many times the server ran each command since it started or since
	 * {@link #resetStats()} ({@code INFO commandstats}).
	 * @return the calls by lower-case command name
	 */
	public Map<String, Long> commandCalls() {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write("INFO commandstats\r\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			int length = Integer.parseInt(line(in).substring(1));
			String info = new String(in.readNBytes(length), StandardCharsets.UTF_8);
			Map<String, Long> calls = new TreeMap<>();
			Matcher matcher = COMMAND_STAT.matcher(info);
			while (matcher.find()) {
				calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
			}
			return calls;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Sets the counts of {@link #commandCalls()} to zero ({@code CONFIG RESETSTAT}). */
	public void resetStats() {
		command("CONFIG RESETSTAT");
	}

	private String command(String command) {
		return send(command, false);
	}

	private String send(String command, boolean bulk) {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			String header = line(in);
			if (!bulk) {
				return header;
			}
			return header.equals("$-1") ? null : line(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			line.append((char) c);
		}
		return line.toString().trim();
	}

	private Process launch() {
		try {
			Process started = new ProcessBuilder(BINARY, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no", "--enable-debug-command", "local")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.until(() -> "+PONG".equals(command("PING")));
			return started;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

}
