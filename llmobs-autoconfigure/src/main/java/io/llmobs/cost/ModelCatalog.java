package io.llmobs.cost;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The known models, their prices and context windows: the bundled, dated catalog, under
 * the catalog loaded from {@code llmobs.catalog.location} if any, under the user's
 * entries.
 * <p>
 * A model id is resolved to the first entry whose pattern matches it whole, else, for a
 * Vertex AI id, the first entry that matches the model name inside it; lookups are
 * cached, so regular expressions run once per distinct model id. A loaded catalog
 * replaces an immutable snapshot of the entries, and an announced price change does on
 * its UTC day, so lookups take no lock.
 */
public final class ModelCatalog {

	private static final int MAX_CACHED_IDS = 1024;

	private final CatalogContent bundled;

	private final List<List<ModelOverride>> overrides;

	private final Clock clock;

	private volatile @Nullable CatalogContent loaded;

	private volatile Snapshot snapshot;

	private volatile @Nullable CatalogStatus status;

	/**
	 * Creates a catalog.
	 * @param date the date the prices are valid for, or {@code null} for a catalog of
	 * user entries only
	 * @param source where the prices come from, or {@code null}
	 * @param entries the entries, in matching order
	 */
	public ModelCatalog(@Nullable String date, @Nullable String source, List<ModelEntry> entries) {
		this(CatalogContent.of(date, source, entries), List.of(), Clock.systemUTC());
	}

	ModelCatalog(CatalogContent bundled, List<List<ModelOverride>> overrides, Clock clock) {
		this.bundled = bundled;
		this.overrides = List.copyOf(overrides);
		this.clock = clock;
		this.snapshot = snapshot(null);
	}

	/**
	 * The dated catalog of prices and context windows that ships with llmobs.
	 * @return the catalog
	 * @throws IllegalStateException when the bundled catalog is missing or invalid
	 */
	public static ModelCatalog bundled() {
		return bundled(Clock.systemUTC());
	}

	static ModelCatalog bundled(Clock clock) {
		return new ModelCatalog(new ModelCatalogReader().readBundled(), List.of(), clock);
	}

	/**
	 * A catalog with the application's entries ahead of this catalog's; an override with
	 * the key of one of ours replaces it, taking unset values from it. The overrides stay
	 * on top of any catalog loaded later.
	 * @param overrides entries configured by the application
	 * @return the combined catalog
	 */
	public ModelCatalog withOverrides(List<ModelOverride> overrides) {
		List<List<ModelOverride>> layers = new ArrayList<>(this.overrides);
		layers.add(List.copyOf(overrides));
		ModelCatalog combined = new ModelCatalog(this.bundled, layers, this.clock);
		CatalogContent current = this.loaded;
		if (current != null) {
			combined.load(current);
		}
		return combined;
	}

	/**
	 * The entry for a model id.
	 * @param modelId the model id
	 * @return the first matching entry, if any
	 */
	public Optional<ModelEntry> find(String modelId) {
		Snapshot current = current();
		Optional<ModelEntry> cached = current.resolved.get(modelId);
		if (cached != null) {
			return cached;
		}
		Optional<ModelEntry> found = current.first(modelId);
		if (found.isEmpty()) {
			String vertexModel = VertexModelIds.modelName(modelId);
			found = (vertexModel != null) ? current.first(vertexModel) : found;
		}
		if (current.resolved.size() < MAX_CACHED_IDS) {
			current.resolved.put(modelId, found);
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
		return current().entries.stream().filter((entry) -> entry.key().equals(key)).findFirst();
	}

	/**
	 * The date the bundled prices are valid for.
	 * @return the date, or {@code null} when no bundled catalog is used
	 */
	public @Nullable String getDate() {
		return this.bundled.date();
	}

	/**
	 * Where the bundled prices come from.
	 * @return the source, or {@code null} when no bundled catalog is used
	 */
	public @Nullable String getSource() {
		return this.bundled.source();
	}

	/**
	 * All entries in matching order, with the prices in force today (UTC).
	 * @return the entries
	 */
	public List<ModelEntry> getEntries() {
		return current().entries;
	}

	/**
	 * The state of the catalog loaded from {@code llmobs.catalog.location}.
	 * @return the state, or {@code null} when no catalog is loaded from a location
	 */
	public @Nullable CatalogStatus getStatus() {
		return this.status;
	}

	/**
	 * Puts a loaded catalog under the application's entries, over the bundled one, in
	 * place of the one loaded before.
	 * @param content the loaded catalog
	 */
	void load(CatalogContent content) {
		Snapshot loadedSnapshot = snapshot(content);
		synchronized (this) {
			this.loaded = content;
			this.snapshot = loadedSnapshot;
		}
	}

	void report(CatalogStatus status) {
		this.status = status;
	}

	private Snapshot current() {
		Snapshot current = this.snapshot;
		if (this.clock.millis() < current.validUntilMillis) {
			return current;
		}
		// Only on the day a price changes; a catalog loaded meanwhile is newer than this
		// day's rebuild of the old one.
		Snapshot today = snapshot(this.loaded);
		synchronized (this) {
			if (this.snapshot == current) {
				this.snapshot = today;
			}
			return this.snapshot;
		}
	}

	private Snapshot snapshot(@Nullable CatalogContent loaded) {
		CatalogContent content = (loaded != null) ? loaded.over(this.bundled) : this.bundled;
		for (List<ModelOverride> layer : this.overrides) {
			content = content.withOverrides(layer);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate nextChange = content.nextChangeAfter(today);
		long validUntil = (nextChange != null) ? nextChange.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
				: Long.MAX_VALUE;
		return new Snapshot(content.entriesOn(today), validUntil);
	}

	/**
	 * The entries as they price calls until a price change, with the ids resolved so far.
	 */
	private static final class Snapshot {

		private final List<ModelEntry> entries;

		private final long validUntilMillis;

		private final Map<String, Optional<ModelEntry>> resolved = new ConcurrentHashMap<>();

		Snapshot(List<ModelEntry> entries, long validUntilMillis) {
			this.entries = entries;
			this.validUntilMillis = validUntilMillis;
		}

		Optional<ModelEntry> first(String modelId) {
			for (ModelEntry entry : this.entries) {
				if (entry.matches(modelId)) {
					return Optional.of(entry);
				}
			}
			return Optional.empty();
		}

	}

}
