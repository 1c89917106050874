package io.llmobs.cost;

import java.io.IOException;
import java.io.InputStream;
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
 * the bundled one).
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
	ModelCatalog readBundled() {
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
	 * Reads a catalog.
	 * @param input the JSON document
	 * @return the catalog
	 * @throws IllegalArgumentException naming the entry when the document is invalid
	 */
	ModelCatalog read(InputStream input) {
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(input);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Model catalog is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		List<ModelEntry> entries = new ArrayList<>();
		for (JsonNode model : root.path("models")) {
			entries.add(entry(model));
		}
		return new ModelCatalog(text(root, "date"), text(root, "source"), entries);
	}

	private ModelEntry entry(JsonNode model) {
		String key = text(model, "key");
		if (key == null) {
			throw new IllegalArgumentException("Model catalog entry without a key: " + model);
		}
		String match = text(model, "match");
		try {
			List<PriceTier> tiers = new ArrayList<>();
			for (JsonNode tier : model.path("tiers")) {
				tiers.add(new PriceTier(tier.path("above-input-tokens").asLong(), prices(tier)));
			}
			return new ModelEntry(key, String.valueOf(text(model, "provider")),
					ModelEntry.pattern((match != null) ? match : Pattern.quote(key)), prices(model), tiers,
					model.hasNonNull("context-window") ? model.get("context-window").asInt() : null);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("Model catalog entry '" + key + "' has an invalid match pattern", ex);
		}
	}

	private static TokenPrices prices(JsonNode node) {
		return new TokenPrices(node.path("input-price").asDouble(), node.path("output-price").asDouble(),
				optionalDouble(node, "cache-read-price"), optionalDouble(node, "cache-write-price"));
	}

	private static @Nullable Double optionalDouble(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asDouble() : null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asString() : null;
	}

}
