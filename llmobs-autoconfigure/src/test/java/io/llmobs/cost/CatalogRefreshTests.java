package io.llmobs.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.llmobs.test.CatalogServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A catalog loaded from a location over the bundled one, and what a failed load leaves in
 * use.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatalogRefreshTests {

	private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final CatalogServer server = CatalogServer.start();

	@TempDir
	Path directory;

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void aLoadedCatalogGoesOverTheBundledOneAndUnderTheApplicationsEntries() throws IOException {
		Path file = write(catalog("acme-chat", 1.0));
		ModelCatalog catalog = ModelCatalog.bundled()
			.withOverrides(List.of(new ModelOverride("gpt-4o-mini", null, 9.0, null, null, null, null)));
		CatalogRefresh refresh = refresh(catalog, "file:" + file);
		refresh.loadAtStartup();
		assertThat(catalog.find("acme-chat").map(ModelEntry::prices).map(TokenPrices::input)).hasValue(1.0);
		assertThat(catalog.find("gpt-4o-2024-08-06").map(ModelEntry::key)).hasValue("gpt-4o");
		assertThat(catalog.find("gpt-4o-mini").map(ModelEntry::prices).map(TokenPrices::input)).hasValue(9.0);
		assertThat(catalog.getStatus()).isEqualTo(new CatalogStatus("file:" + file, NOW, 1, null, null, 0));
		assertThat(this.registry.get(CatalogRefresh.METER_NAME).tag("outcome", "success").counter().count())
			.isEqualTo(1);
	}

	@Test
	void anEntryWithTheKeyOfABundledOneReplacesItsPricesAndKeepsItsPatternAndWindow() throws IOException {
		ModelCatalog catalog = ModelCatalog.bundled();
		refresh(catalog, "file:" + write("{\"models\": [{\"key\": \"gpt-4o\", \"provider\": \"openai\", "
				+ "\"input-price\": 2.0, \"output-price\": 8.0}]}"))
			.loadAtStartup();
		ModelEntry entry = catalog.find("gpt-4o-2024-08-06").orElseThrow();
		assertThat(entry.key()).isEqualTo("gpt-4o");
		assertThat(entry.prices()).isEqualTo(new TokenPrices(2.0, 8.0, null, null));
		assertThat(entry.contextWindow()).isEqualTo(128_000);
	}

	@Test
	void readsLiteLlmsPriceListFromTheClassPath() {
		ModelCatalog catalog = ModelCatalog.bundled();
		refresh(catalog, "classpath:io/llmobs/cost/litellm-prices.json").loadAtStartup();
		assertThat(catalog.find("acme-chat").map(ModelEntry::prices)).hasValue(new TokenPrices(3.0, 15.0, 0.3, 3.75));
		// three chat entries and an embedding entry
		assertThat(catalog.getStatus()).extracting(CatalogStatus::entries).isEqualTo(4);
	}

	@Test
	void aLocalCatalogThatCannotBeLoadedAtStartUpFailsNamingTheProperty() throws IOException {
		Path malformed = write("{\"models\": [");
		assertThatIllegalStateException()
			.isThrownBy(() -> refresh(ModelCatalog.bundled(), "file:" + malformed).loadAtStartup())
			.withMessageContaining("llmobs.catalog.location")
			.withMessageContaining("not valid JSON");
		assertThatIllegalStateException().isThrownBy(
				() -> refresh(ModelCatalog.bundled(), "file:" + this.directory.resolve("typo.json")).loadAtStartup())
			.withMessageContaining("llmobs.catalog.location")
			.withMessageContaining("typo.json' does not exist");
	}

	@Test
	void aRemoteCatalogThatIsDownAtStartUpLeavesTheBundledOneInUse() {
		this.server.fail(503);
		ModelCatalog catalog = ModelCatalog.bundled();
		refresh(catalog, this.server.url()).loadAtStartup();
		assertThat(catalog.find("gpt-4o")).isPresent();
		assertThat(catalog.getStatus())
			.isEqualTo(new CatalogStatus(this.server.url(), null, 0, "HTTP status 503", NOW, 1));
	}

	@Test
	void aFailedRefreshKeepsTheLastGoodCatalogIsCountedAndLoggedOnce(CapturedOutput output) {
		ModelCatalog catalog = ModelCatalog.bundled();
		CatalogRefresh refresh = refresh(catalog, this.server.url());
		this.server.serve(catalog("acme-chat", 1.0));
		assertThat(refresh.refresh()).isTrue();
		this.server.serve("{\"models\": [{\"key\": \"acme-chat\", \"match\": \"(\"}]}");
		assertThat(refresh.refresh()).isFalse();
		this.server.serve("not json");
		assertThat(refresh.refresh()).isFalse();
		assertThat(catalog.find("acme-chat").map(ModelEntry::prices).map(TokenPrices::input)).hasValue(1.0);
		assertThat(this.registry.get(CatalogRefresh.METER_NAME).tag("outcome", "failure").counter().count())
			.isEqualTo(2);
		assertThat(catalog.getStatus()).satisfies((status) -> {
			assertThat(status.loadedAt()).isEqualTo(NOW);
			assertThat(status.entries()).isEqualTo(1);
			assertThat(status.lastError()).contains("not valid JSON");
			assertThat(status.failures()).isEqualTo(2);
		});
		assertThat(output.getOut().split("cannot be loaded, the catalog loaded before stays in use", -1)).hasSize(2);
		this.server.serve(catalog("acme-chat", 2.0));
		assertThat(refresh.refresh()).isTrue();
		assertThat(catalog.find("acme-chat").map(ModelEntry::prices).map(TokenPrices::input)).hasValue(2.0);
	}

	@Test
	void aServerThatHangsTimesOutAndTheLastGoodCatalogStays() {
		ModelCatalog catalog = ModelCatalog.bundled();
		CatalogRefresh refresh = new CatalogRefresh(catalog,
				new CatalogLocation(this.server.url(), Duration.ofMillis(300)), this.registry,
				Clock.fixed(NOW, ZoneOffset.UTC));
		this.server.serve(catalog("acme-chat", 1.0));
		refresh.refresh();
		this.server.hang();
		long start = System.nanoTime();
		assertThat(refresh.refresh()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(catalog.getStatus().lastError()).contains("no complete answer within PT0.3S");
		assertThat(catalog.find("acme-chat")).isPresent();
	}

	@Test
	void showsTheLocationWithoutCredentials() {
		ModelCatalog catalog = ModelCatalog.bundled();
		refresh(catalog, "https://user:secret@prices.example.com/catalog.json?token=secret");
		assertThat(catalog.getStatus().location()).isEqualTo("https://prices.example.com/catalog.json");
	}

	private CatalogRefresh refresh(ModelCatalog catalog, String location) {
		return new CatalogRefresh(catalog, new CatalogLocation(location, Duration.ofSeconds(5)), this.registry,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private Path write(String content) throws IOException {
		return Files.writeString(Files.createTempFile(this.directory, "catalog", ".json"), content);
	}

	static String catalog(String key, double inputPrice) {
		return "{\"models\": [{\"key\": \"" + key + "\", \"provider\": \"acme\", \"input-price\": " + inputPrice
				+ ", \"output-price\": 4.0, \"context-window\": 32000}]}";
	}

}
