package io.llmobs.cost;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.llmobs.core.Json;
import org.jspecify.annotations.Nullable;

/**
 * Reads a model catalog from its JSON form ({@code META-INF/llmobs/model-catalog.json} is
 * the bundled one), or from LiteLLM's {@code model_prices_and_context_window.json}
 * ({@link LiteLlmPriceList}).
 */
final class ModelCatalogReader {

	/** Location of the bundled catalog on the class path. */
	static final String BUNDLED_CATALOG = "META-INF/llmobs/model-catalog.json";

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
		Object document;
		try {
			document = Json.read(input);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Model catalog is not valid JSON: " + ex.getMessage(), ex);
		}
		if (!(document instanceof Map<?, ?> root)) {
			throw new IllegalArgumentException("Model catalog is not a JSON object");
		}
		if (!root.containsKey("models")) {
			return LiteLlmPriceList.read(root);
		}
		if (!(root.get("models") instanceof List<?> models)) {
			throw new IllegalArgumentException("Model catalog's 'models' is not an array");
		}
		List<CatalogEntry> entries = new ArrayList<>();
		for (Object model : models) {
			entries.add(entry(model));
		}
		return new CatalogContent(text(root, "date"), text(root, "source"), entries);
	}

	private CatalogEntry entry(@Nullable Object value) {
		Map<?, ?> model = object(value);
		String key = text(model, "key");
		if (key == null) {
			throw new IllegalArgumentException("Model catalog entry without a key: " + Json.write(value));
		}
		String match = text(model, "match");
		try {
			TokenPrices prices = prices(model, null);
			ModelEntry entry = new ModelEntry(key, String.valueOf(text(model, "provider")),
					ModelEntry.pattern((match != null) ? match : Pattern.quote(key)), prices, tiers(model),
					(model.get("context-window") != null) ? (int) number(model, "context-window") : null);
			List<PriceChange> changes = new ArrayList<>();
			for (Object element : array(model, "price-changes")) {
				Map<?, ?> change = object(element);
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

	private static List<PriceTier> tiers(Map<?, ?> node) {
		List<PriceTier> tiers = new ArrayList<>();
		for (Object element : array(node, "tiers")) {
			Map<?, ?> tier = object(element);
			tiers.add(new PriceTier((long) number(tier, "above-input-tokens"), prices(tier, null)));
		}
		return tiers;
	}

	/**
	 * The prices of a node, each unset one taken from the given prices.
	 */
	private static TokenPrices prices(Map<?, ?> node, @Nullable TokenPrices unset) {
		return new TokenPrices(price(node, "input-price", (unset != null) ? unset.input() : null),
				price(node, "output-price", (unset != null) ? unset.output() : null),
				optionalDouble(node, "cache-read-price", (unset != null) ? unset.cacheRead() : null),
				optionalDouble(node, "cache-write-price", (unset != null) ? unset.cacheWrite() : null));
	}

	private static double price(Map<?, ?> node, String field, @Nullable Double unset) {
		Double price = optionalDouble(node, field, unset);
		return (price != null) ? price : 0.0;
	}

	private static @Nullable Double optionalDouble(Map<?, ?> node, String field, @Nullable Double unset) {
		return (node.get(field) != null) ? Double.valueOf(number(node, field)) : unset;
	}

	/**
	 * A number, or a string holding one; 0 when the field is missing or holds neither.
	 */
	private static double number(Map<?, ?> node, String field) {
		Object value = node.get(field);
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		try {
			return (value instanceof String text) ? Double.parseDouble(text.strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static @Nullable String text(Map<?, ?> node, String field) {
		Object value = node.get(field);
		return (value != null) ? value.toString() : null;
	}

	private static Map<?, ?> object(@Nullable Object value) {
		return (value instanceof Map<?, ?> object) ? object : Map.of();
	}

	private static List<?> array(Map<?, ?> node, String field) {
		return (node.get(field) instanceof List<?> array) ? array : List.of();
	}

}
