package io.llmobs.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.llmobs.cost.CostTotals;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The console as a developer opens it: the whole auto-configuration on a real servlet
 * server, Spring AI's OpenAI client over real HTTP to a local server, spans through the
 * OpenTelemetry SDK, and the page and its data read over HTTP.
 */
class ConsoleIntegrationTests {

	private static final String EMAIL = "jane.doe@example.com";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesThePageAndItsAssetsFromTheApplicationOnly() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			HttpResponse<String> redirect = get(context, "/llmobs");
			assertThat(redirect.statusCode()).isEqualTo(302);
			assertThat(redirect.headers().firstValue("Location")).hasValue("llmobs/");
			HttpResponse<String> page = get(context, "/llmobs/");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.headers().firstValue("Content-Security-Policy"))
				.hasValueSatisfying((policy) -> assertThat(policy).startsWith("default-src 'self'"));
			assertThat(page.body()).contains("assets/console.js", "assets/console.css").doesNotContain("http");
			assertThat(get(context, "/llmobs/assets/console.js").body()).contains("fetch('data'");
			assertThat(get(context, "/llmobs/assets/console.css").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void theDataHoldTheEndpointTotalsAndEachModelCallWithItsContextWindowAndTrace() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			server.enqueue(StubResponse.completion("Paris.").usage(1200, 30),
					StubResponse.completion("It is cut").usage(800, 100).finishReason("length"));
			ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
			chatClient.prompt().system("You answer geography questions.").user("Capital of France?").call().content();
			chatClient.prompt("Tell me everything about " + EMAIL).call().content();
			JsonNode data = data(context);
			CostTotals totals = context.getBean(CostTotals.class);
			assertThat(totals.total()).isPositive();
			assertThat(data.at("/totals/costUsd").asDouble()).isEqualTo(totals.total());
			assertThat(data.at("/totals/byModelUsd/gpt-4o-mini").asDouble())
				.isEqualTo(totals.byModel().get("gpt-4o-mini"));
			assertThat(data.at("/totals/calls").asLong()).isEqualTo(2);
			assertThat(data.at("/totals/tokens/input").asLong()).isEqualTo(2000);
			JsonNode calls = data.get("recentCalls");
			assertThat(calls).hasSize(2);
			JsonNode latest = calls.get(0);
			assertThat(latest.get("finishReason").asString()).isEqualTo("length");
			assertThat(latest.get("inputTokens").asLong()).isEqualTo(800);
			assertThat(latest.get("outputTokens").asLong()).isEqualTo(100);
			assertThat(latest.get("outcome").asString()).isEqualTo("success");
			assertThat(latest.get("content").isNull()).isTrue();
			JsonNode first = calls.get(1);
			assertThat(first.get("model").asString()).isEqualTo("gpt-4o-mini");
			assertThat(first.get("stage").asString()).isEqualTo("default");
			assertThat(first.get("costUsd").asDouble()).isPositive();
			assertThat(first.at("/context/window").asInt()).isEqualTo(128000);
			assertThat(first.at("/context/sections/system").asLong()).isPositive();
			assertThat(first.at("/context/sections/user_input").asLong()).isPositive();
			List<String> traceIds = spans(context).stream()
				.filter((span) -> span.getName().equals("chat gpt-4o-mini"))
				.map(SpanData::getTraceId)
				.toList();
			assertThat(List.of(first.get("traceId").asString(), latest.get("traceId").asString()))
				.containsExactlyInAnyOrderElementsOf(traceIds);
			assertThat(data.at("/costPerMinuteUsd/series/stage/default")).isNotEmpty();
			double lastMinute = data.at("/costPerMinuteUsd/series/stage/default")
				.get(data.at("/costPerMinuteUsd/minutes").size() - 1)
				.asDouble();
			assertThat(lastMinute).isCloseTo(totals.total(), within(1e-12));
			assertThat(data.at("/finishReasons/length").asLong()).isEqualTo(1);
			assertThat(data.get("latency")).singleElement().satisfies((latency) -> {
				assertThat(latency.get("count").asLong()).isEqualTo(2);
				assertThat(latency.get("p95Ms").asDouble()).isPositive();
			});
			assertThat(data.at("/context/warnRatio").asDouble()).isEqualTo(0.8);
		}
	}

	@Test
	void showsContentOnlyAsCaptureExportsIt() throws Exception {
		try (ConfigurableApplicationContext context = start("llmobs.capture.content=true")) {
			server.enqueue(StubResponse.completion("We will write to " + EMAIL + "."));
			context.getBean(ChatClient.Builder.class).build().prompt("Reach me at " + EMAIL).call().content();
			JsonNode call = data(context).get("recentCalls").get(0);
			assertThat(call.at("/content/input").asString()).contains("Reach me at <EMAIL>");
			assertThat(call.at("/content/output").asString()).contains("We will write to <EMAIL>.");
			assertThat(call.toString()).doesNotContain(EMAIL);
			assertThat(data(context).at("/piiEntities/email/input").asLong()).isEqualTo(1);
		}
	}

	@Test
	void keepsOnlyTheLatestCalls() throws Exception {
		try (ConfigurableApplicationContext context = start("llmobs.console.recent-calls=2")) {
			ChatClient chatClient = context.getBean(ChatClient.Builder.class).build();
			for (int i = 1; i <= 3; i++) {
				server.enqueue(StubResponse.completion("answer").usage(i, 1));
				chatClient.prompt("question " + i).call().content();
			}
			assertThat(data(context).get("recentCalls")).extracting((call) -> call.get("inputTokens").asLong())
				.containsExactly(3L, 2L);
		}
	}

	@Test
	void addsTheSectionsOfOtherFeaturesAndLeavesOutOneThatFails() throws Exception {
		try (ConfigurableApplicationContext context = start(SectionsConfiguration.class)) {
			JsonNode sections = data(context).get("sections");
			assertThat(sections.at("/budgets/0/scope").asString()).isEqualTo("tenant");
			assertThat(sections.has("broken")).isFalse();
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		return start(TracedApplication.class, properties);
	}

	private ConfigurableApplicationContext start(Class<?> configuration, String... properties) {
		server.reset();
		return new SpringApplicationBuilder(TracedApplication.class, configuration).web(WebApplicationType.SERVLET)
			.properties(TracedApplication.PROPERTIES)
			.properties("server.port=0", "llmobs.console.enabled=true", "spring.ai.openai.base-url=" + server.baseUrl())
			.properties(properties)
			.run();
	}

	private JsonNode data(ConfigurableApplicationContext context) throws IOException, InterruptedException {
		HttpResponse<String> response = get(context, "/llmobs/data");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> get(ConfigurableApplicationContext context, String path)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	static class SectionsConfiguration {

		@Bean
		ConsoleSection budgets() {
			return section("budgets", List.of(new Budget("tenant", "acme", 2.5, 10.0)));
		}

		@Bean
		ConsoleSection broken() {
			return new ConsoleSection() {

				@Override
				public String name() {
					return "broken";
				}

				@Override
				public Object data() {
					throw new IllegalStateException("broken");
				}

			};
		}

		private static ConsoleSection section(String name, Object data) {
			return new ConsoleSection() {

				@Override
				public String name() {
					return name;
				}

				@Override
				public Object data() {
					return data;
				}

			};
		}

	}

	record Budget(String scope, String name, double spentUsd, double limitUsd) {

	}

}
