package io.llmobs.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The known models, their prices and context windows: the bundled, dated catalog under
 * the user's entries.
 * <p>
 * A model id is resolved to the first entry whose pattern matches it whole; lookups are
 * cached, so regular expressions run once per distinct model id.
 */
public final class ModelCatalog {

	private static final int MAX_CACHED_IDS = 1024;

	private final @Nullable String date;

	private final @Nullable String source;

	private final List<ModelEntry> entries;

	private final Map<String, Optional<ModelEntry>> resolved = new ConcurrentHashMap<>();

	/**
	 * Creates a catalog.
	 * @param date the date the prices are valid for, or {@code null} for a catalog of
	 * user entries only
	 * @param source where the prices come from, or {@code null}
	 * @param entries the entries, in matching order
	 */
	public ModelCatalog(@Nullable String date, @Nullable String source, List<ModelEntry> entries) {
		this.date = date;
		this.source = source;
		this.entries = List.copyOf(entries);
	}

	/**
	 * The dated catalog of prices and context windows that ships with llmobs.
	 * @return the catalog
	 * @throws IllegalStateException when the bundled catalog is missing or invalid
	 */
	public static ModelCatalog bundled() {
		return new ModelCatalogReader().readBundled();
	}

	/**
	 * A catalog with the application's entries ahead of this catalog's; an override with
	 * the key of one of ours replaces it, taking unset values from it.
	 * @param overrides entries configured by the application
	 * @return the combined catalog
	 */
	public ModelCatalog withOverrides(List<ModelOverride> overrides) {
		Set<String> replaced = overrides.stream().map(ModelOverride::key).collect(Collectors.toSet());
		List<ModelEntry> combined = new ArrayList<>();
		overrides.forEach((override) -> combined.add(override.applyTo(entry(override.key()).orElse(null))));
		this.entries.stream().filter((entry) -> !replaced.contains(entry.key())).forEach(combined::add);
		return new ModelCatalog(this.date, this.source, combined);
	}

	/**
	 * The entry for a model id.
	 * @param modelId the model id
	 * @return the first matching entry, if any
	 */
	public Optional<ModelEntry> find(String modelId) {
		Optional<ModelEntry> cached = this.resolved.get(modelId);
		if (cached != null) {
			return cached;
		}
		Optional<ModelEntry> found = this.entries.stream().filter((entry) -> entry.matches(modelId)).findFirst();
		if (this.resolved.size() < MAX_CACHED_IDS) {
			this.resolved.put(modelId, found);
		}
		return found;
	}

	/**
	 * The entry for a response, trying the model the provider answered with before the
	 * model that was asked for.
	 * @param responseModel the model id of the response, or {@code null}
	 * @param requestModel the model id of the request, or {@code null}
	 * @return the first entry found, if any
	 */
	public Optional<ModelEntry> find(@Nullable String responseModel, @Nullable String requestModel) {
		Optional<ModelEntry> found = (responseModel != null) ? find(responseModel) : Optional.empty();
		return (found.isEmpty() && requestModel != null) ? find(requestModel) : found;
	}

	/**
	 * The entry with the given key.
	 * @param key the entry key
	 * @return the entry, if any
	 */
	public Optional<ModelEntry> entry(String key) {
		return this.entries.stream().filter((entry) -> entry.key().equals(key)).findFirst();
	}

	/**
	 * The date the bundled prices are valid for.
	 * @return the date, or {@code null} when no bundled catalog is used
	 */
	public @Nullable String getDate() {
		return this.date;
	}

	/**
	 * Where the bundled prices come from.
	 * @return the source, or {@code null} when no bundled catalog is used
	 */
	public @Nullable String getSource() {
		return this.source;
	}

	/**
	 * All entries in matching order.
	 * @return the entries
	 */
	public List<ModelEntry> getEntries() {
		return this.entries;
	}

}
