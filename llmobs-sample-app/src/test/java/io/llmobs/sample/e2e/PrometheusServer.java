package io.llmobs.sample.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (the binary of Debian's {@code prometheus} package) that
 * scrapes the application every second and evaluates the shipped rules, with its HTTP API
 * for queries.
 */
final class PrometheusServer implements AutoCloseable {

	/** Where Debian installs the binary; {@code PROMETHEUS_BINARY} overrides it. */
	static final String BINARY = System.getenv().getOrDefault("PROMETHEUS_BINARY", "/usr/bin/prometheus");

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private PrometheusServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts Prometheus and waits until it is ready.
	 * @param directory a fresh directory for its configuration, data and log
	 * @param target the {@code host:port} to scrape at {@code /actuator/prometheus}
	 * @param rules the rule file to load
	 * @return the running server
	 * @throws IOException if it cannot be started
	 */
	static PrometheusServer start(Path directory, String target, Path rules) throws IOException {
		int port = freePort();
		Path config = directory.resolve("prometheus.yml");
		Files.writeString(config, """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				rule_files:
				  - %s
				scrape_configs:
				  - job_name: llmobs-sample
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['%s']
				""".formatted(rules.toAbsolutePath(), target));
		Process process = new ProcessBuilder(BINARY, "--config.file=" + config,
				"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("prometheus.log").toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, port);
		await().atMost(Duration.ofSeconds(30)).until(server::ready);
		return server;
	}

	private boolean ready() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Prometheus exited with " + this.process.exitValue());
		}
		try {
			return get("/-/ready").statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Evaluates an instant query.
	 * @param promql the query
	 * @return the {@code data.result} array
	 * @throws IOException if Prometheus cannot be reached
	 */
	JsonNode query(String promql) throws IOException {
		HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		JsonNode body = this.jsonMapper.readTree(response.body());
		if (!"success".equals(body.path("status").stringValue())) {
			throw new IllegalArgumentException(
					"Prometheus rejected " + promql + ": " + body.path("error").stringValue());
		}
		return body.path("data").path("result");
	}

	/**
	 * The scrape targets' health and last error, for failure messages.
	 * @return the {@code /api/v1/targets} answer
	 * @throws IOException if Prometheus cannot be reached
	 */
	String targets() throws IOException {
		return get("/api/v1/targets").body();
	}

	private HttpResponse<String> get(String path) throws IOException {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
