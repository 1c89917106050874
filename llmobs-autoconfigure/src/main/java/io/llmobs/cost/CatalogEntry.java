package io.llmobs.cost;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An entry of a catalog as it was read: the model's entry with the price changes it
 * announces.
 *
 * @param entry the entry with the prices in force before the first change
 * @param changes the announced changes, in any order
 * @param matchGiven whether the entry's pattern was written in the catalog, rather than
 * derived from its key
 */
record CatalogEntry(ModelEntry entry, List<PriceChange> changes, boolean matchGiven) {

	CatalogEntry {
		changes = changes.stream().sorted(Comparator.comparing(PriceChange::effectiveFrom)).toList();
	}

	/**
	 * An entry without announced changes.
	 * @param entry the entry
	 * @return the catalog entry, its pattern taken as written
	 */
	static CatalogEntry of(ModelEntry entry) {
		return new CatalogEntry(entry, List.of(), true);
	}

	String key() {
		return this.entry.key();
	}

	/**
	 * This entry in place of another with the same key: the other's pattern when this
	 * entry has none of its own, the other's window when this entry knows none.
	 * @param replaced the entry this one replaces
	 * @return the merged entry
	 */
	CatalogEntry over(ModelEntry replaced) {
		ModelEntry merged = new ModelEntry(this.entry.key(), this.entry.provider(),
				this.matchGiven ? this.entry.match() : replaced.match(), this.entry.prices(), this.entry.tiers(),
				(this.entry.contextWindow() != null) ? this.entry.contextWindow() : replaced.contextWindow());
		return new CatalogEntry(merged, this.changes, true);
	}

	/**
	 * The entry as it prices calls on a UTC day.
	 * @param day the day
	 * @return the entry with the prices of the last change in force that day
	 */
	ModelEntry on(LocalDate day) {
		PriceChange inForce = null;
		for (PriceChange change : this.changes) {
			if (!change.effectiveFrom().isAfter(day)) {
				inForce = change;
			}
		}
		return (inForce != null) ? new ModelEntry(this.entry.key(), this.entry.provider(), this.entry.match(),
				inForce.prices(), inForce.tiers(), this.entry.contextWindow()) : this.entry;
	}

	/**
	 * The first day after the given one on which this entry's prices change.
	 * @param day the day
	 * @return that day, or {@code null} when no change is announced after it
	 */
	@Nullable LocalDate nextChangeAfter(LocalDate day) {
		return this.changes.stream()
			.map(PriceChange::effectiveFrom)
			.filter((from) -> from.isAfter(day))
			.findFirst()
			.orElse(null);
	}

}
