package io.llmobs.autoconfigure.cost;

import java.time.Duration;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.cost.CatalogStatus;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.TokenPrices;
import io.llmobs.test.CatalogServer;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StartupFailures;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A catalog served over HTTP, as an application gets it: loaded at start-up, refreshed on
 * its interval, used by the next call's cost, shown on {@code /actuator/llmobs}.
 */
class CatalogLocationIntegrationTests {

	private static final String MODEL = "acme-chat-2026-12-01";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final CatalogServer catalogServer = CatalogServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(),
				"llmobs.catalog.location=" + this.catalogServer.url(), "llmobs.catalog.refresh-interval=100ms",
				"management.endpoints.web.exposure.include=llmobs");

	@AfterEach
	void stopCatalogServer() {
		this.catalogServer.close();
	}

	@Test
	void aRefreshThatChangesAPricePricesTheNextCallWithIt() {
		this.catalogServer.serve(catalog(1.0));
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			call(context);
			assertThat(cost(context)).isCloseTo(1_000 * 1.0 / 1e6, within(1e-12));
			this.catalogServer.serve(catalog(3.0));
			ModelCatalog catalog = context.getBean(ModelCatalog.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> catalog.find(MODEL).map((entry) -> entry.prices()).map(TokenPrices::input).orElse(0.0),
						(price) -> price == 3.0);
			call(context);
			assertThat(cost(context)).isCloseTo(1_000 * (1.0 + 3.0) / 1e6, within(1e-12));
			CatalogStatus status = context.getBean(LlmObsEndpoint.class).llmobs().catalog().loaded();
			assertThat(status.location()).isEqualTo(this.catalogServer.url());
			assertThat(status.entries()).isEqualTo(1);
			assertThat(status.loadedAt()).isNotNull();
			assertThat(status.lastError()).isNull();
		});
	}

	@Test
	void aFailingRefreshKeepsTheLastGoodPricesAndShowsOnTheEndpoint() {
		this.catalogServer.serve(catalog(1.0));
		this.runner.run((context) -> {
			this.catalogServer.serve("{\"models\": [");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(ModelCatalog.class).getStatus().failures() > 0);
			call(context);
			assertThat(cost(context)).isCloseTo(1_000 * 1.0 / 1e6, within(1e-12));
			CatalogStatus status = context.getBean(LlmObsEndpoint.class).llmobs().catalog().loaded();
			assertThat(status.lastError()).contains("not valid JSON");
			assertThat(context.getBean(MeterRegistry.class)
				.get("llmobs.catalog.refreshes")
				.tag("outcome", "failure")
				.counter()
				.count()).isPositive();
		});
	}

	@Test
	void aRemoteCatalogThatIsDownAtStartUpDoesNotStopTheApplication() {
		this.catalogServer.fail(503);
		this.runner.withPropertyValues("llmobs.catalog.refresh-interval=1h").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ModelCatalog.class).find("gpt-4o")).isPresent();
			assertThat(context.getBean(ModelCatalog.class).getStatus().lastError()).isEqualTo("HTTP status 503");
		});
	}

	@Test
	void aLocalCatalogThatCannotBeLoadedFailsStartUpNamingTheProperty() {
		StartupFailures.assertNames(this.runner, "llmobs.catalog.location=file:/no/such/catalog.json",
				"llmobs.catalog.location");
	}

	private static void call(AssertableApplicationContext context) {
		server.enqueue(StubResponse.completion("ok").model(MODEL).usage(1_000, 0));
		context.getBean(ChatClient.Builder.class).build().prompt("hi").call().content();
	}

	private static double cost(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class).get("llmobs.cost").tag("model", MODEL).counter().count();
	}

	private static String catalog(double inputPrice) {
		return "{\"models\": [{\"key\": \"acme-chat\", \"provider\": \"openai\", \"match\": \"acme-chat(?:-[\\\\d-]+)?\", "
				+ "\"input-price\": " + inputPrice + ", \"output-price\": 2.0, \"context-window\": 128000}]}";
	}

}
