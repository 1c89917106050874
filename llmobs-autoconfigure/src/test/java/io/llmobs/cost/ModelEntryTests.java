package io.llmobs.cost;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelEntryTests {

	private static final TokenPrices GPT_4O = new TokenPrices(2.50, 10.00, 1.25, null);

	@Test
	void costIsTokensTimesPricePerMillion() {
		ModelEntry entry = entry(GPT_4O, List.of());
		assertThat(entry.costOf(new TokenUsage(1_000, 500, 0, 0, 0))).isCloseTo(0.0025 + 0.005, within(1e-12));
	}

	@Test
	void cacheReadTokensArePricedAtTheCachePriceNotTheInputPrice() {
		ModelEntry entry = entry(GPT_4O, List.of());
		// 1000 input of which 800 cached: 200 x 2.50 + 800 x 1.25, per million
		assertThat(entry.costOf(new TokenUsage(1_000, 0, 800, 0, 0))).isCloseTo((200 * 2.50 + 800 * 1.25) / 1e6,
				within(1e-12));
	}

	@Test
	void cacheTokensWithoutACachePriceAreBilledAsInput() {
		ModelEntry entry = entry(new TokenPrices(3.0, 15.0, null, null), List.of());
		assertThat(entry.costOf(new TokenUsage(1_000, 0, 400, 100, 0))).isCloseTo(1_000 * 3.0 / 1e6, within(1e-12));
	}

	@Test
	void cacheWriteTokensArePricedAtTheCacheWritePrice() {
		ModelEntry entry = entry(new TokenPrices(3.0, 15.0, 0.30, 3.75), List.of());
		assertThat(entry.costOf(new TokenUsage(1_000, 100, 200, 300, 0)))
			.isCloseTo((500 * 3.0 + 200 * 0.30 + 300 * 3.75 + 100 * 15.0) / 1e6, within(1e-12));
	}

	@Test
	void longContextTierAppliesAboveItsThreshold() {
		TokenPrices tier = new TokenPrices(2.50, 15.00, 0.625, null);
		ModelEntry entry = entry(new TokenPrices(1.25, 10.00, 0.31, null), List.of(new PriceTier(200_000, tier)));
		assertThat(entry.costOf(new TokenUsage(200_000, 1_000, 0, 0, 0)))
			.isCloseTo((200_000 * 1.25 + 1_000 * 10.0) / 1e6, within(1e-12));
		assertThat(entry.costOf(new TokenUsage(200_001, 1_000, 0, 0, 0)))
			.isCloseTo((200_001 * 2.50 + 1_000 * 15.0) / 1e6, within(1e-12));
	}

	@Test
	void unpricedEntryHasNoCost() {
		assertThat(entry(null, List.of()).costOf(new TokenUsage(10, 10, 0, 0, 0))).isNull();
	}

	@Test
	void matchesWholeIdCaseInsensitively() {
		ModelEntry entry = entry(GPT_4O, List.of());
		assertThat(entry.matches("gpt-4o")).isTrue();
		assertThat(entry.matches("GPT-4o-2024-08-06")).isTrue();
		assertThat(entry.matches("gpt-4o-mini")).isFalse();
	}

	private static ModelEntry entry(TokenPrices prices, List<PriceTier> tiers) {
		return new ModelEntry("gpt-4o", "openai", ModelEntry.pattern("gpt-4o(-\\d{4}-\\d{2}-\\d{2})?"), prices, tiers,
				128_000);
	}

}
