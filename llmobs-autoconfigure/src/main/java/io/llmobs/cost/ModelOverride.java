package io.llmobs.cost;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An application's entry for a model: adds a model to the catalog, or overrides the entry
 * with the same key. Unset values are taken from that entry.
 *
 * @param key the entry key
 * @param match the model-id pattern, or {@code null} to keep the catalog's (else the key
 * itself)
 * @param inputPrice USD per 1M uncached input tokens, or {@code null}
 * @param outputPrice USD per 1M output tokens, or {@code null}
 * @param cacheReadPrice USD per 1M cache-read input tokens, or {@code null}
 * @param cacheWritePrice USD per 1M cache-write input tokens, or {@code null}
 * @param contextWindow maximum input tokens, or {@code null}
 * @param alsoMatch a pattern of further model ids of the entry (deployment names, for
 * example), matched besides its pattern, or {@code null}
 */
public record ModelOverride(String key, @Nullable String match, @Nullable Double inputPrice,
		@Nullable Double outputPrice, @Nullable Double cacheReadPrice, @Nullable Double cacheWritePrice,
		@Nullable Integer contextWindow, @Nullable String alsoMatch) {

	/**
	 * An override that matches no further ids.
	 * @param key the entry key
	 * @param match the model-id pattern, or {@code null} to keep the catalog's (else the
	 * key itself)
	 * @param inputPrice USD per 1M uncached input tokens, or {@code null}
	 * @param outputPrice USD per 1M output tokens, or {@code null}
	 * @param cacheReadPrice USD per 1M cache-read input tokens, or {@code null}
	 * @param cacheWritePrice USD per 1M cache-write input tokens, or {@code null}
	 * @param contextWindow maximum input tokens, or {@code null}
	 */
	public ModelOverride(String key, @Nullable String match, @Nullable Double inputPrice, @Nullable Double outputPrice,
			@Nullable Double cacheReadPrice, @Nullable Double cacheWritePrice, @Nullable Integer contextWindow) {
		this(key, match, inputPrice, outputPrice, cacheReadPrice, cacheWritePrice, contextWindow, null);
	}

	/**
	 * The entry that results from applying this override to the catalog's entry.
	 * @param base the catalog's entry with the same key, or {@code null}
	 * @return the combined entry; its long-context tiers are dropped when any price is
	 * overridden
	 */
	public ModelEntry applyTo(@Nullable ModelEntry base) {
		TokenPrices basePrices = (base != null) ? base.prices() : null;
		Double input = (this.inputPrice != null) ? this.inputPrice : (basePrices != null) ? basePrices.input() : null;
		Double output = (this.outputPrice != null) ? this.outputPrice
				: (basePrices != null) ? basePrices.output() : null;
		TokenPrices prices = null;
		if (input != null && output != null) {
			prices = new TokenPrices(input, output,
					(this.cacheReadPrice != null) ? this.cacheReadPrice
							: (basePrices != null) ? basePrices.cacheRead() : null,
					(this.cacheWritePrice != null) ? this.cacheWritePrice
							: (basePrices != null) ? basePrices.cacheWrite() : null);
		}
		Pattern pattern = (this.match != null) ? ModelEntry.pattern(this.match)
				: (base != null) ? base.match() : ModelEntry.pattern(Pattern.quote(this.key));
		if (this.alsoMatch != null) {
			pattern = ModelEntry.pattern("(?:" + pattern.pattern() + ")|(?:" + this.alsoMatch + ")");
		}
		return new ModelEntry(this.key, (base != null) ? base.provider() : "application", pattern, prices,
				(base != null && !setsPrices()) ? base.tiers() : List.of(),
				(this.contextWindow != null) ? this.contextWindow : (base != null) ? base.contextWindow() : null);
	}

	/**
	 * Whether this override sets a price, which drops the entry's tiers and announced
	 * price changes.
	 * @return {@code true} when any price is set
	 */
	boolean setsPrices() {
		return this.inputPrice != null || this.outputPrice != null || this.cacheReadPrice != null
				|| this.cacheWritePrice != null;
	}

}
