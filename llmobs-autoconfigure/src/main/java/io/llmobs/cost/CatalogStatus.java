package io.llmobs.cost;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The state of the catalog that {@code llmobs.catalog.location} names: what was loaded
 * last, and the last failure to load it.
 *
 * @param location where the catalog is read, without user info or query
 * @param loadedAt when the catalog in use was loaded, or {@code null} when none was yet
 * @param entries the number of entries it had, 0 when none was loaded yet
 * @param lastError why the last failed load failed, or {@code null} when none failed
 * @param lastErrorAt when the last failed load ended, or {@code null}
 * @param failures the number of failed loads since start-up
 */
public record CatalogStatus(String location, @Nullable Instant loadedAt, int entries, @Nullable String lastError,
		@Nullable Instant lastErrorAt, long failures) {

	static CatalogStatus notLoaded(String location) {
		return new CatalogStatus(location, null, 0, null, null, 0);
	}

	CatalogStatus loaded(Instant at, int entries) {
		return new CatalogStatus(this.location, at, entries, this.lastError, this.lastErrorAt, this.failures);
	}

	CatalogStatus failed(Instant at, String error) {
		return new CatalogStatus(this.location, this.loadedAt, this.entries, error, at, this.failures + 1);
	}

}
