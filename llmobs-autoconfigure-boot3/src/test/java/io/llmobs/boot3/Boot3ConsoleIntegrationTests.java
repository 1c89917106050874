package io.llmobs.boot3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console on a Spring Boot 3.5 application's Spring MVC, read over real HTTP after
 * model calls through Spring AI 1.1's OpenAI client: the page with its security header,
 * and data whose totals are those of {@code /actuator/llmobs}.
 */
class Boot3ConsoleIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesThePageWithItsSecurityPolicyAndDataWhoseTotalsAreTheEndpoints() throws Exception {
		server.reset();
		server.respondWith((request) -> StubResponse.completion("Paris.").usage(1_200, 30));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TracedApplication.class)
			.properties(Boot3Application.properties(server))
			.properties("server.port=0", "llmobs.console.enabled=true",
					"management.endpoints.web.exposure.include=llmobs")
			.run()) {
			String root = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			ChatClient client = context.getBean(ChatClient.Builder.class).build();
			client.prompt("Capital of France?").advisors((a) -> a.param(LlmObsParams.STAGE, "geo")).call().content();
			client.prompt("Capital of Italy?").advisors((a) -> a.param(LlmObsParams.STAGE, "geo")).call().content();
			client.prompt("And of Spain?").call().content();
			HttpResponse<String> page = get(root + "/llmobs/");
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(page.headers().firstValue("Content-Security-Policy"))
				.hasValue("default-src 'self'; frame-ancestors 'self'; form-action 'self'");
			assertThat(page.body()).contains("assets/console.js");
			assertThat(get(root + "/llmobs/assets/console.js").body()).contains("fetch('data'");
			HttpResponse<String> data = get(root + "/llmobs/data");
			assertThat(data.headers().firstValue("Cache-Control")).hasValue("no-store");
			JsonNode totals = JSON.readTree(data.body()).get("totals");
			JsonNode cost = JSON.readTree(get(root + "/actuator/llmobs").body()).get("cost");
			assertThat(cost.get("totalUsd").asDouble()).isPositive();
			assertThat(totals.get("costUsd").asDouble()).isEqualTo(cost.get("totalUsd").asDouble());
			assertThat(totals.get("byModelUsd")).isEqualTo(cost.get("byModelUsd"));
			assertThat(totals.get("byStageUsd")).isEqualTo(cost.get("byStageUsd"));
			assertThat(totals.get("byStageUsd").propertyNames()).containsExactlyInAnyOrder("geo", "default");
			assertThat(totals.get("calls").asLong()).isEqualTo(3);
			assertThat(totals.at("/tokens/input").asLong()).isEqualTo(3 * 1_200);
		}
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response;
	}

}
