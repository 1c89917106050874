package io.llmobs.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.llmobs.sample.shipping.CalculatorTool;
import io.llmobs.sample.shipping.Quote;
import io.llmobs.sample.shipping.RateLookupTool;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Shipping Cost Agent through another provider's real Spring AI client
 * ({@code sample.provider}), on the simulator's wire for that provider, configured as
 * {@code application.yml} does: each base URL names the server's own port, so the server
 * listens on a port chosen before the context starts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = "sample.simulator.latency-scale=0")
@AutoConfigureMetrics
@AutoConfigureRestTestClient
abstract class ProviderSampleTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@DynamicPropertySource
	static void serverPort(DynamicPropertyRegistry registry) {
		int port = freePort();
		registry.add("server.port", () -> port);
	}

	/**
	 * The provider's value of the {@code provider} tag, as Spring AI names it.
	 * @return the tag value
	 */
	abstract String provider();

	/**
	 * The model that the simulator answers as.
	 * @return the response model
	 */
	abstract String responseModel();

	@Test
	void quotesWithBothToolsThroughTheProvidersWire() {
		List<String> before = PrometheusScrape.lines(this.client);
		Quote quote = SampleApi.quote(this.client, "What does express shipping of 5 kg to Hanoi cost?");
		assertThat(quote.category()).isEqualTo("shipping");
		assertThat(quote.answer()).as("45.00 EUR + 4.20 EUR per kg")
			.startsWith("Express shipping of 5 kg to Hanoi costs 66.00 EUR");
		List<String> after = PrometheusScrape.lines(this.client);
		for (String tool : List.of(RateLookupTool.NAME, CalculatorTool.NAME)) {
			assertThat(PrometheusScrape.increase(before, after, "llmobs_tool_seconds_count", "tool", tool, "outcome",
					"success", "stage", "generate"))
				.as(tool)
				.isEqualTo(1);
		}
		assertThat(PrometheusScrape.increase(before, after, "llmobs_tokens_total", "provider", provider(), "model",
				responseModel(), "stage", "generate", "type", "input"))
			.isPositive();
		assertThat(PrometheusScrape.increase(before, after, "llmobs_tokens_total", "provider", provider(), "model",
				responseModel(), "stage", "generate", "type", "output"))
			.isPositive();
		assertThat(PrometheusScrape.sum(after, "llmobs_cost_unpriced_total", "provider", provider())).isZero();
		assertProviderSeries(before, after);
	}

	/**
	 * Checks what the provider's wire reports differently: cost, cache, finish reasons.
	 * @param before the scrape before the quote
	 * @param after the scrape after it
	 */
	abstract void assertProviderSeries(List<String> before, List<String> after);

	@Test
	void streamsAToolCallRoundTrip() {
		CityTools tools = new CityTools();
		String answer = String.join("",
				this.chatClientBuilder.build()
					.prompt()
					.user("Weather in Oslo?")
					.tools(tools)
					.stream()
					.content()
					.collectList()
					.block());
		assertThat(tools.cities).containsExactly("Weather in Oslo?");
		assertThat(answer).contains("Sunny, 21 degrees in Weather in Oslo?");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static final class CityTools {

		final List<String> cities = new CopyOnWriteArrayList<>();

		@Tool(description = "The current weather in a city")
		String weather(@ToolParam(description = "the city") String city) {
			this.cities.add(city);
			return "Sunny, 21 degrees in " + city;
		}

	}

}
