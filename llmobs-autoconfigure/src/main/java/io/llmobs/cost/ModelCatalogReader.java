package io.llmobs.cost;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a model catalog from its JSON form ({@code META-INF/llmobs/model-catalog.json} is
 * the bundled one), or from LiteLLM's {@code model_prices_and_context_window.json}
 * ({@link LiteLlmPriceList}).
 */
final class ModelCatalogReader {

	/** Location of the bundled catalog on the class path. */
	static final String BUNDLED_CATALOG = "META-INF/llmobs/model-catalog.json";

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	/**
	 * Reads the bundled catalog.
	 * @return the catalog
	 * @throws IllegalStateException when the bundled catalog is missing or invalid
	 */
	CatalogContent readBundled() {
		try (InputStream input = ModelCatalogReader.class.getClassLoader().getResourceAsStream(BUNDLED_CATALOG)) {
			if (input == null) {
				throw new IllegalStateException("Bundled model catalog " + BUNDLED_CATALOG + " is missing");
			}
			return read(input);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Bundled model catalog " + BUNDLED_CATALOG + " cannot be read", ex);
		}
	}

	/**
	 * Reads a catalog in llmobs's form or in LiteLLM's.
	 * @param input the JSON document
	 * @return the catalog
	 * @throws IllegalArgumentException naming the entry when the document is invalid
	 */
	CatalogContent read(InputStream input) {
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(input);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Model catalog is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!root.isObject()) {
			throw new IllegalArgumentException("Model catalog is not a JSON object");
		}
		if (!root.has("models")) {
			return LiteLlmPriceList.read(root);
		}
		if (!root.get("models").isArray()) {
			throw new IllegalArgumentException("Model catalog's 'models' is not an array");
		}
		List<CatalogEntry> entries = new ArrayList<>();
		for (JsonNode model : root.get("models")) {
			entries.add(entry(model));
		}
		return new CatalogContent(text(root, "date"), text(root, "source"), entries);
	}

	private CatalogEntry entry(JsonNode model) {
		String key = text(model, "key");
		if (key == null) {
			throw new IllegalArgumentException("Model catalog entry without a key: " + model);
		}
		String match = text(model, "match");
		try {
			TokenPrices prices = prices(model, null);
			ModelEntry entry = new ModelEntry(key, String.valueOf(text(model, "provider")),
					ModelEntry.pattern((match != null) ? match : Pattern.quote(key)), prices, tiers(model),
					model.hasNonNull("context-window") ? model.get("context-window").asInt() : null);
			List<PriceChange> changes = new ArrayList<>();
			for (JsonNode change : model.path("price-changes")) {
				changes.add(new PriceChange(LocalDate.parse(String.valueOf(text(change, "effective-from"))),
						prices(change, prices), tiers(change)));
			}
			return new CatalogEntry(entry, changes, match != null);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("Model catalog entry '" + key + "' has an invalid match pattern", ex);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"Model catalog entry '" + key + "' has a price change without a valid effective-from date", ex);
		}
	}

	private static List<PriceTier> tiers(JsonNode node) {
		List<PriceTier> tiers = new ArrayList<>();
		for (JsonNode tier : node.path("tiers")) {
			tiers.add(new PriceTier(tier.path("above-input-tokens").asLong(), prices(tier, null)));
		}
		return tiers;
	}

	/**
	 * The prices of a node, each unset one taken from the given prices.
	 */
	private static TokenPrices prices(JsonNode node, @Nullable TokenPrices unset) {
		return new TokenPrices(price(node, "input-price", (unset != null) ? unset.input() : null),
				price(node, "output-price", (unset != null) ? unset.output() : null),
				optionalDouble(node, "cache-read-price", (unset != null) ? unset.cacheRead() : null),
				optionalDouble(node, "cache-write-price", (unset != null) ? unset.cacheWrite() : null));
	}

	private static double price(JsonNode node, String field, @Nullable Double unset) {
		Double price = optionalDouble(node, field, unset);
		return (price != null) ? price : 0.0;
	}

	private static @Nullable Double optionalDouble(JsonNode node, String field, @Nullable Double unset) {
		return node.hasNonNull(field) ? Double.valueOf(node.get(field).asDouble()) : unset;
	}

	private static @Nullable String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asString() : null;
	}

}
