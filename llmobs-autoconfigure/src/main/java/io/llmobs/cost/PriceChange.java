package io.llmobs.cost;

import java.time.LocalDate;
import java.util.List;

/**
 * Prices that a model's entry takes from a UTC day on: a price change announced ahead.
 *
 * @param effectiveFrom the first UTC day the prices apply
 * @param prices the prices from that day on
 * @param tiers the long-context tiers from that day on, possibly empty
 */
record PriceChange(LocalDate effectiveFrom, TokenPrices prices, List<PriceTier> tiers) {

	PriceChange {
		tiers = List.copyOf(tiers);
	}

}
