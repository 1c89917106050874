package io.llmobs.cost;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: one object per model id
 * with USD prices per token ({@code input_cost_per_token},
 * {@code cache_read_input_token_cost}, ...), long-context prices in fields that end in
 * {@code _above_<n>k_tokens}, {@code max_input_tokens} and {@code litellm_provider}.
 * <p>
 * Only chat and completion models with an input and an output price, and embedding models
 * with an input price (their output price is 0 when the list gives none), become entries,
 * at USD per 1M tokens. An id matches itself; an id with a provider prefix
 * ({@code mistral/mistral-large-latest}) also matches the id after the prefix when the
 * list has no entry of that id (the first such entry in the list does), so that
 * {@code azure/gpt-4o} never prices OpenAI's {@code gpt-4o}. Ids without a prefix come
 * first.
 */
final class LiteLlmPriceList {

	private static final String EMBEDDING = "embedding";

	private static final Set<String> PRICED_MODES = Set.of("chat", "completion", "responses", EMBEDDING);

	private static final Pattern TIER_FIELD = Pattern.compile(
			"(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)"
					+ "_above_(\\d+)(k?)_tokens");

	private static final double PER_MILLION = 1_000_000.0;

	/**
	 * Prices per 1M tokens are rounded to this fraction of a dollar, which undoes the
	 * binary error of the per-token figures ({@code 2.5e-06} is not 2.5 per 1M exactly).
	 */
	private static final double ROUNDING = 1e9;

	private LiteLlmPriceList() {
	}

	/**
	 * Reads the price list.
	 * @param root the document
	 * @return the entries, without date or source
	 * @throws IllegalArgumentException when no entry has prices
	 */
	static CatalogContent read(Map<?, ?> root) {
		Set<String> aliased = new HashSet<>();
		root.keySet().forEach((id) -> aliased.add(String.valueOf(id)));
		List<CatalogEntry> plain = new ArrayList<>();
		List<CatalogEntry> prefixed = new ArrayList<>();
		for (Map.Entry<?, ?> model : root.entrySet()) {
			String id = String.valueOf(model.getKey());
			int slash = id.indexOf('/');
			Pattern match = ModelEntry.pattern((slash >= 0 && aliased.add(id.substring(slash + 1)))
					? "(?:" + Pattern.quote(id.substring(0, slash + 1)) + ")?" + Pattern.quote(id.substring(slash + 1))
					: Pattern.quote(id));
			CatalogEntry entry = (model.getValue() instanceof Map<?, ?> fields) ? entry(id, match, fields) : null;
			if (entry != null) {
				(entry.matchGiven() ? prefixed : plain).add(entry);
			}
		}
		if (plain.isEmpty() && prefixed.isEmpty()) {
			throw new IllegalArgumentException("Model catalog has neither llmobs's 'models' nor a LiteLLM model entry "
					+ "with input_cost_per_token and output_cost_per_token");
		}
		plain.addAll(prefixed);
		return new CatalogContent(null, null, plain);
	}

	private static @Nullable CatalogEntry entry(String id, Pattern match, Map<?, ?> model) {
		String mode = text(model, "mode");
		Double input = perMillion(model, "input_cost_per_token");
		Double output = perMillion(model, "output_cost_per_token");
		if (output == null && EMBEDDING.equals(mode)) {
			output = 0.0;
		}
		if ((mode != null && !PRICED_MODES.contains(mode)) || input == null || output == null) {
			return null;
		}
		TokenPrices prices = new TokenPrices(input, output, perMillion(model, "cache_read_input_token_cost"),
				perMillion(model, "cache_creation_input_token_cost"));
		String provider = text(model, "litellm_provider");
		return new CatalogEntry(new ModelEntry(id, (provider != null) ? provider : "litellm", match, prices,
				tiers(model, prices), contextWindow(model.get("max_input_tokens"))), List.of(), id.indexOf('/') >= 0);
	}

	private static @Nullable Integer contextWindow(@Nullable Object window) {
		return (window instanceof Number number && number.doubleValue() >= Integer.MIN_VALUE
				&& number.doubleValue() <= Integer.MAX_VALUE) ? number.intValue() : null;
	}

	private static List<PriceTier> tiers(Map<?, ?> model, TokenPrices base) {
		Map<Long, Map<String, Double>> fieldsByThreshold = new TreeMap<>();
		for (Object name : model.keySet()) {
			String field = String.valueOf(name);
			Matcher tierField = TIER_FIELD.matcher(field);
			Double price = perMillion(model, field);
			if (tierField.matches() && price != null) {
				long threshold = Long.parseLong(tierField.group(2)) * (tierField.group(3).isEmpty() ? 1 : 1000);
				fieldsByThreshold.computeIfAbsent(threshold, (key) -> new TreeMap<>()).put(tierField.group(1), price);
			}
		}
		List<PriceTier> tiers = new ArrayList<>();
		fieldsByThreshold.forEach((threshold,
				fields) -> tiers.add(new PriceTier(threshold,
						new TokenPrices(fields.getOrDefault("input_cost_per_token", base.input()),
								fields.getOrDefault("output_cost_per_token", base.output()),
								fields.getOrDefault("cache_read_input_token_cost", base.cacheRead()),
								fields.getOrDefault("cache_creation_input_token_cost", base.cacheWrite())))));
		return tiers;
	}

	private static @Nullable Double perMillion(Map<?, ?> model, String field) {
		return (model.get(field) instanceof Number price)
				? Math.round(price.doubleValue() * PER_MILLION * ROUNDING) / ROUNDING : null;
	}

	private static @Nullable String text(Map<?, ?> node, String field) {
		return (node.get(field) instanceof String text) ? text : null;
	}

}
