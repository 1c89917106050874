package io.llmobs.sample.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.llmobs.context.ContextWindowExceededException;
import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.sample.QuestionPipeline;
import io.llmobs.sample.SampleApi;
import io.llmobs.sample.SampleProperties;
import io.llmobs.sample.SimulatedSampleTest;
import io.llmobs.sample.TrafficGenerator;
import io.llmobs.sample.e2e.OtlpTraceReceiver.ReceivedSpan;
import io.llmobs.sample.shipping.Quote;
import io.llmobs.sample.shipping.ShippingQuoteAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped dashboard and rules against the real thing: the sample application
 * (offline) under traffic, scraped by a real Prometheus, and its traces received over
 * OTLP. Every dashboard query and every rule expression must return series (an empty
 * result means a wrong metric or label name) that keep the application's {@code env}
 * common tag, and one quote must be one trace.
 * <p>
 * Needs the {@code prometheus} binary (Debian's package; {@code .ci/run} installs it and
 * sets {@code LLMOBS_E2E=required}, so that CI fails instead of skipping when it is
 * missing).
 */
@Tag("e2e")
@SimulatedSampleTest
class PrometheusEndToEndTests {

	/**
	 * The environment the application names in Boot's common tags, which every series and
	 * every query keeps.
	 */
	private static final String ENV = "e2e";

	/** A model with a tiny window, so the block guard can be shown refusing a call. */
	private static final String TINY_MODEL = "tiny-ctx";

	private static final OtlpTraceReceiver receiver = startReceiver();

	@Autowired
	private RestTestClient client;

	@Autowired
	private QuestionPipeline pipeline;

	@Autowired
	private ShippingQuoteAgent agent;

	@Autowired
	private FeedbackRecorder feedback;

	@Autowired
	private SampleProperties properties;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Value("${local.server.port}")
	private int port;

	@DynamicPropertySource
	static void exportTraces(DynamicPropertyRegistry registry) {
		registry.add("management.metrics.tags.env", () -> ENV);
		registry.add("management.tracing.export.otlp.enabled", () -> "true");
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint", receiver::endpoint);
		// Every fifth rate lookup fails (the first quote's does not): tool errors and the
		// tool_failure category.
		registry.add("sample.shipping.rate-lookup-failure-rate", () -> "0.2");
		registry.add("llmobs.context.block-ratio", () -> "0.9");
		registry.add("llmobs.models." + TINY_MODEL + ".context-window", () -> "64");
		registry.add("llmobs.models." + TINY_MODEL + ".input-price", () -> "0.1");
		registry.add("llmobs.models." + TINY_MODEL + ".output-price", () -> "0.4");
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void everyShippedQueryReturnsSeriesAndAQuoteIsOneTrace(@TempDir Path directory) throws IOException {
		boolean required = "required".equals(System.getenv("LLMOBS_E2E"));
		assumeThat(required || Files.isExecutable(Path.of(PrometheusServer.BINARY)))
			.as("the prometheus binary (apt-get install prometheus) at " + PrometheusServer.BINARY)
			.isTrue();
		Path docs = Path.of("..", "docs");
		try (PrometheusServer prometheus = PrometheusServer.start(directory, "127.0.0.1:" + this.port,
				docs.resolve("prometheus/llmobs-rules.yml"))) {
			List<Quote> quotes = driveTraffic();
			List<ShippedQueries.Query> queries = new ArrayList<>(
					ShippedQueries.dashboard(docs.resolve("grafana/llmobs-dashboard.json")));
			queries.addAll(ShippedQueries.rules(docs.resolve("prometheus/llmobs-rules.yml")));
			assertThat(queries).hasSizeGreaterThan(40);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				List<String> empty = new ArrayList<>();
				List<String> withoutEnv = new ArrayList<>();
				for (ShippedQueries.Query query : queries) {
					JsonNode series = prometheus.query(query.promql());
					if (series.isEmpty()) {
						empty.add(query.source() + ": " + query.promql());
					}
					else if (series.valueStream()
						.anyMatch((one) -> !ENV.equals(one.path("metric").path("env").asString("")))) {
						withoutEnv.add(query.source() + ": " + query.promql());
					}
				}
				assertThat(empty).as("queries without series; targets: %s", prometheus.targets()).isEmpty();
				assertThat(withoutEnv).as("queries whose series lost the env label").isEmpty();
			});
			assertOneTrace(quotes.get(0));
		}
	}

	/**
	 * Every kind of call the dashboard and the rules look at: quotes over HTTP, the
	 * question pipeline (streamed, cut at the token limit), a loop the guard stops, an
	 * unpriced model with no known window, a refused call.
	 */
	private List<Quote> driveTraffic() {
		List<Quote> quotes = new ArrayList<>();
		for (String question : TrafficGenerator.QUOTES) {
			quotes.add(SampleApi.quote(this.client, question));
		}
		TrafficGenerator generator = new TrafficGenerator(this.pipeline, this.agent, this.feedback, this.properties);
		for (int i = 0; i < TrafficGenerator.QUESTIONS.size(); i++) {
			generator.sendOne();
		}
		this.agent.quote("Keep trying the rate lookup for 3 kg to Atlantis", "globex");
		ChatClient chatClient = this.chatClientBuilder.build();
		chatClient.prompt("Hello").options(OpenAiChatOptions.builder().model("acme-local-llm")).call().content();
		assertThatExceptionOfType(ContextWindowExceededException.class).isThrownBy(() -> chatClient
			.prompt("Please quote shipping for all of these parcels: " + "a 2 kg parcel to Paris, ".repeat(20))
			.options(OpenAiChatOptions.builder().model(TINY_MODEL))
			.call()
			.content());
		return quotes;
	}

	private void assertOneTrace(Quote quote) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<String, List<ReceivedSpan>> traces = receiver.spans()
				.stream()
				.collect(Collectors.groupingBy(ReceivedSpan::traceId));
			List<ReceivedSpan> trace = traces.values()
				.stream()
				.filter((spans) -> spans.stream()
					.anyMatch((span) -> quote.responseId() != null
							&& quote.responseId().equals(span.attributes().get("gen_ai.response.id"))))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no trace with the quote's response " + quote.responseId()));
			assertThat(trace).anyMatch((span) -> span.name().contains("/api/quote"));
			assertThat(trace).anyMatch((span) -> ShippingQuoteAgent.TASK.equals(span.attributes().get("task")));
			assertThat(trace).filteredOn((span) -> "chat".equals(span.attributes().get("gen_ai.operation.name")))
				.extracting((span) -> span.attributes().get("llmobs.stage"))
				.contains("classify", "generate");
			assertThat(trace).extracting((span) -> span.attributes().get("gen_ai.tool.name"))
				.contains("lookup_rate", "calculate");
			assertThat(trace)
				.anyMatch((span) -> span.attributes().containsKey("llmobs.context.tokens.retrieved_documents"));
			assertThat(trace).anyMatch((span) -> "retrieve".equals(span.attributes().get("llmobs.stage"))
					&& !"chat".equals(span.attributes().get("gen_ai.operation.name")));
			assertThat(trace).extracting(ReceivedSpan::traceId).containsOnly(trace.get(0).traceId());
		});
	}

	private static OtlpTraceReceiver startReceiver() {
		try {
			return new OtlpTraceReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the OTLP receiver", ex);
		}
	}

}
