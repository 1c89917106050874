package io.llmobs.cost;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled catalog: dated, covering the providers, and resolving real model ids to
 * exactly one entry.
 */
class BundledModelCatalogTests {

	private static final ModelCatalog catalog = ModelCatalog.bundled();

	@Test
	void isDatedAndSourced() {
		assertThat(catalog.getDate()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(catalog.getSource()).isNotBlank();
	}

	@Test
	void coversEveryProviderWithUniqueKeys() {
		List<ModelEntry> entries = catalog.getEntries();
		assertThat(entries.stream().map(ModelEntry::provider).distinct()).contains("openai", "anthropic", "google",
				"mistral", "deepseek", "bedrock", "ollama");
		Map<String, Long> keys = entries.stream()
			.collect(Collectors.groupingBy(ModelEntry::key, Collectors.counting()));
		assertThat(keys).allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
	}

	@Test
	void everyEntryHasAWindowAndNonNegativePrices() {
		assertThat(catalog.getEntries()).allSatisfy((entry) -> {
			assertThat(entry.contextWindow()).as(entry.key()).isNotNull().isPositive();
			assertThat(entry.prices()).as(entry.key()).isNotNull();
			assertThat(entry.prices().input()).as(entry.key()).isNotNegative();
			assertThat(entry.prices().output()).as(entry.key()).isNotNegative();
		});
	}

	@Test
	void localOllamaModelsAreFree() {
		assertThat(catalog.getEntries()).filteredOn((entry) -> entry.provider().equals("ollama"))
			.isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.costOf(new TokenUsage(1_000, 1_000, 0, 0, 0))).isZero());
	}

	@ParameterizedTest
	@CsvSource({ "gpt-4o-2024-08-06, gpt-4o", "gpt-4o-mini-2024-07-18, gpt-4o-mini", "gpt-4.1-2025-04-14, gpt-4.1",
			"o3-mini, o3-mini", "claude-sonnet-4-20250514, claude-sonnet-4",
			"claude-3-5-haiku-latest, claude-3-5-haiku", "gemini-2.5-flash-preview-05-20, gemini-2.5-flash",
			"deepseek-chat, deepseek-chat", "us.anthropic.claude-sonnet-4-20250514-v1:0, bedrock-claude-sonnet-4",
			"anthropic.claude-3-5-sonnet-20240620-v1:0, bedrock-claude-3-5-sonnet", "llama3.1:8b, ollama-llama3.1",
			"qwen2.5:7b-instruct, ollama-qwen2.5", "claude-fable-5-2, claude-fable-5-2",
			"claude-mythos-5-2-20261109, claude-mythos-5-2", "claude-fable-5-1, claude-fable-5-1",
			"gemini-4-neon, gemini-4-neon", "models/gemini-4-hydrogen, gemini-4-hydrogen" })
	void resolvesRealIdsToExactlyOneEntry(String modelId, String key) {
		assertThat(catalog.getEntries().stream().filter((entry) -> entry.matches(modelId)).map(ModelEntry::key))
			.containsExactly(key);
	}

	@ParameterizedTest
	@CsvSource({ "claude-sonnet-4-5@20250929, claude-sonnet-4-5", "claude-opus-4-1@20250805, claude-opus-4-1",
			"projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-pro, gemini-2.5-pro",
			"publishers/google/models/gemini-2.0-flash-001, gemini-2.0-flash" })
	void vertexModelIdsArePricedAsTheirModel(String vertexId, String key) {
		assertThat(catalog.find(vertexId).map(ModelEntry::key)).hasValue(key);
	}

	@Test
	void geminiFlashIntroductoryPricesEndOnTheFirstOf2027() {
		ModelCatalog lastIntroductoryDay = ModelCatalog
			.bundled(Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC));
		ModelCatalog firstListPriceDay = ModelCatalog
			.bundled(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));
		assertThat(lastIntroductoryDay.find("gemini-3.8-flash").orElseThrow().prices())
			.isEqualTo(new TokenPrices(0.75, 3.75, 0.075, null));
		assertThat(firstListPriceDay.find("gemini-3.8-flash").orElseThrow().prices())
			.isEqualTo(new TokenPrices(1.5, 7.5, 0.15, null));
	}

	@Test
	void geminiProHasItsLongContextTier() {
		ModelEntry entry = catalog.find("gemini-2.5-pro").orElseThrow();
		assertThat(entry.tiers()).isNotEmpty();
		double shortPrompt = entry.costOf(new TokenUsage(200_000, 0, 0, 0, 0)) / 200_000;
		double longPrompt = entry.costOf(new TokenUsage(200_001, 0, 0, 0, 0)) / 200_001;
		assertThat(longPrompt).isGreaterThan(shortPrompt);
	}

}
