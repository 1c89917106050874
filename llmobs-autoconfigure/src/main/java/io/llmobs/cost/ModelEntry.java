package io.llmobs.cost;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One model of the catalog: how its ids are recognized, what its tokens cost and how
 * large its window is.
 *
 * @param key stable identifier of the entry, also the key of {@code llmobs.models.<key>}
 * @param provider the provider the prices belong to
 * @param match pattern that a whole model id must match (case-insensitive)
 * @param prices base prices, or {@code null} when the model is not priced
 * @param tiers long-context tiers, possibly empty
 * @param contextWindow maximum input tokens, or {@code null} when unknown
 */
public record ModelEntry(String key, String provider, Pattern match, @Nullable TokenPrices prices,
		List<PriceTier> tiers, @Nullable Integer contextWindow) {

	public ModelEntry {
		tiers = tiers.stream().sorted(Comparator.comparingLong(PriceTier::aboveInputTokens)).toList();
	}

	/**
	 * Whether the given model id is one of this entry's.
	 * @param modelId a model id as sent to or returned by a provider
	 * @return {@code true} when the whole id matches
	 */
	public boolean matches(String modelId) {
		return this.match.matcher(modelId).matches();
	}

	/**
	 * The USD cost of a response, with the tier that the request's input tokens select.
	 * @param usage the tokens of one response
	 * @return the cost in USD, or {@code null} when this model has no prices
	 */
	public @Nullable Double costOf(TokenUsage usage) {
		TokenPrices selected = this.prices;
		// Indexed: on this per-call path the list's iterator was not always optimized
		// away.
		for (int i = 0; i < this.tiers.size(); i++) {
			PriceTier tier = this.tiers.get(i);
			if (usage.input() > tier.aboveInputTokens()) {
				selected = tier.prices();
			}
		}
		return (selected != null) ? selected.costOf(usage) : null;
	}

	/**
	 * Compiles a model-id pattern the way the catalog matches it.
	 * @param regex the regular expression
	 * @return the case-insensitive pattern
	 */
	public static Pattern pattern(String regex) {
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
	}

}
