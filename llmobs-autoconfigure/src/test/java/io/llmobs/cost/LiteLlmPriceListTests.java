package io.llmobs.cost;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * LiteLLM's price list, read into catalog entries at USD per 1M tokens.
 */
class LiteLlmPriceListTests {

	static final String PRICE_LIST = """
			{
			  "sample_spec": {"max_input_tokens": "max input tokens, if the provider specifies it",
			    "input_cost_per_token": 0.0, "output_cost_per_token": 0.0, "litellm_provider": "one of https://docs.litellm.ai/docs/providers",
			    "mode": "one of: chat, embedding, completion, image_generation, audio_transcription, audio_speech"},
			  "azure/acme-chat": {"litellm_provider": "azure", "mode": "chat",
			    "input_cost_per_token": 9e-06, "output_cost_per_token": 9e-05},
			  "acme-chat": {"litellm_provider": "acme", "mode": "chat", "max_input_tokens": 200000,
			    "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
			    "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06,
			    "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
			    "cache_creation_input_token_cost_above_1hr": 6e-06},
			  "gemini/acme-flash": {"litellm_provider": "gemini", "mode": "chat",
			    "input_cost_per_token": 1e-07, "output_cost_per_token": 4e-07},
			  "acme-embed": {"litellm_provider": "acme", "mode": "embedding", "input_cost_per_token": 2e-08,
			    "output_cost_per_token": 0.0, "max_input_tokens": 8191},
			  "acme-embed-large": {"litellm_provider": "acme", "mode": "embedding", "input_cost_per_token": 1.3e-07},
			  "acme-image": {"litellm_provider": "acme", "mode": "image_generation", "output_cost_per_image": 0.04}
			}
			""";

	@Test
	void readsPerTokenPricesAsPricesPerMillion() {
		CatalogContent content = read(PRICE_LIST);
		ModelEntry entry = content.entries().get(0).entry();
		assertThat(entry.key()).isEqualTo("acme-chat");
		assertThat(entry.provider()).isEqualTo("acme");
		assertThat(entry.contextWindow()).isEqualTo(200_000);
		assertThat(entry.prices()).isEqualTo(new TokenPrices(3.0, 15.0, 0.3, 3.75));
		assertThat(entry.tiers()).containsExactly(new PriceTier(200_000, new TokenPrices(6.0, 22.5, 0.3, 3.75)));
		assertThat(entry.costOf(new TokenUsage(100_000, 0, 0, 0, 0))).isCloseTo(0.3, within(1e-12));
		assertThat(entry.costOf(new TokenUsage(1_000_000, 0, 0, 0, 0))).isCloseTo(6.0, within(1e-12));
	}

	@Test
	void keepsOnlyPricedChatAndEmbeddingModelsWithUnprefixedIdsFirst() {
		assertThat(read(PRICE_LIST).entries()).extracting(CatalogEntry::key)
			.containsExactly("acme-chat", "acme-embed", "acme-embed-large", "azure/acme-chat", "gemini/acme-flash");
	}

	@Test
	void embeddingModelsArePricedByTheirInputTokens() {
		ModelCatalog catalog = new ModelCatalog(read(PRICE_LIST), List.of(), Clock.systemUTC());
		ModelEntry small = catalog.find("acme-embed").orElseThrow();
		assertThat(small.prices()).isEqualTo(new TokenPrices(0.02, 0.0, null, null));
		assertThat(small.contextWindow()).isEqualTo(8191);
		assertThat(small.costOf(new TokenUsage(1_000, 0, 0, 0, 0))).isCloseTo(2e-5, within(1e-15));
		assertThat(catalog.find("acme-embed-large").orElseThrow().prices())
			.isEqualTo(new TokenPrices(0.13, 0.0, null, null));
	}

	@Test
	void anIdWithAProviderPrefixAlsoMatchesTheIdWithoutIt() {
		ModelCatalog catalog = new ModelCatalog(read(PRICE_LIST), List.of(), Clock.systemUTC());
		assertThat(catalog.find("acme-flash").map(ModelEntry::key)).hasValue("gemini/acme-flash");
		assertThat(catalog.find("gemini/acme-flash").map(ModelEntry::key)).hasValue("gemini/acme-flash");
		assertThat(catalog.find("acme-chat").map(ModelEntry::key)).hasValue("acme-chat");
		assertThat(catalog.find("azure/acme-chat").map(ModelEntry::key)).hasValue("azure/acme-chat");
	}

	@Test
	void aPrefixedIdNeverPricesAnIdTheListPricesOnItsOwn() {
		ModelEntry azure = read(PRICE_LIST).entries().get(3).entry();
		assertThat(azure.key()).isEqualTo("azure/acme-chat");
		assertThat(azure.matches("azure/acme-chat")).isTrue();
		assertThat(azure.matches("acme-chat")).isFalse();
	}

	@Test
	void anIdOfAFamilyIsPricedByItsOwnEntryNotByTheFamilysPattern() {
		CatalogContent bundled = CatalogContent.of("2026-12-01", "bundled",
				List.of(new ModelEntry("acme-chat", "acme", ModelEntry.pattern("acme-chat(?:-\\d{8})?"),
						new TokenPrices(1.0, 2.0, null, null), List.of(), 100_000)));
		CatalogContent loaded = read("""
				{"acme-chat": {"mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 6e-06},
				 "acme-chat-20260101": {"mode": "chat", "input_cost_per_token": 5e-06, "output_cost_per_token": 1e-05}}
				""");
		ModelCatalog catalog = new ModelCatalog(bundled, List.of(), Clock.systemUTC());
		catalog.load(loaded);
		assertThat(catalog.find("acme-chat-20260101").map(ModelEntry::key)).hasValue("acme-chat-20260101");
		assertThat(catalog.find("acme-chat-20261201").map(ModelEntry::prices).map(TokenPrices::input)).hasValue(3.0);
		assertThat(catalog.find("acme-chat").orElseThrow().contextWindow()).isEqualTo(100_000);
	}

	@Test
	void aDocumentWithoutPricedEntriesIsInvalid() {
		assertThatIllegalArgumentException().isThrownBy(() -> read("{\"acme\": {\"mode\": \"chat\"}}"))
			.withMessageContaining("input_cost_per_token");
	}

	static CatalogContent read(String json) {
		return new ModelCatalogReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
