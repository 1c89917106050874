package io.llmobs.cost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a catalog holds, as read from its document: immutable, with each entry's announced
 * price changes.
 *
 * @param date the date the prices are valid for, or {@code null}
 * @param source where the prices come from, or {@code null}
 * @param entries the entries, in matching order
 */
record CatalogContent(@Nullable String date, @Nullable String source, List<CatalogEntry> entries) {

	CatalogContent {
		entries = List.copyOf(entries);
	}

	/**
	 * Content of entries that announce no price change.
	 * @param date the date the prices are valid for, or {@code null}
	 * @param source where the prices come from, or {@code null}
	 * @param entries the entries, in matching order
	 * @return the content
	 */
	static CatalogContent of(@Nullable String date, @Nullable String source, List<ModelEntry> entries) {
		return new CatalogContent(date, source, entries.stream().map(CatalogEntry::of).toList());
	}

	/**
	 * This content merged over another: its entries come first and replace the other's
	 * entries with the same key, taking their pattern when they have none of their own
	 * and their window when they know none. Entries that took a pattern come after this
	 * content's other entries, so that the pattern of a model family does not shadow an
	 * id of that family that this content prices on its own.
	 * @param base the content underneath, whose date and source the result keeps
	 * @return the merged content
	 */
	CatalogContent over(CatalogContent base) {
		Map<String, CatalogEntry> underneath = byKey(base.entries);
		List<CatalogEntry> merged = new ArrayList<>();
		List<CatalogEntry> withTheirPattern = new ArrayList<>();
		for (CatalogEntry entry : this.entries) {
			CatalogEntry replaced = underneath.remove(entry.key());
			if (replaced == null) {
				merged.add(entry);
			}
			else {
				(entry.matchGiven() ? merged : withTheirPattern).add(entry.over(replaced.entry()));
			}
		}
		merged.addAll(withTheirPattern);
		merged.addAll(underneath.values());
		return new CatalogContent(base.date, base.source, merged);
	}

	/**
	 * This content with the application's entries ahead of its own; an override with the
	 * key of one of ours replaces it, taking unset values from it.
	 * @param overrides entries configured by the application
	 * @return the combined content
	 */
	CatalogContent withOverrides(List<ModelOverride> overrides) {
		Map<String, CatalogEntry> underneath = byKey(this.entries);
		List<CatalogEntry> combined = new ArrayList<>();
		for (ModelOverride override : overrides) {
			CatalogEntry replaced = underneath.remove(override.key());
			List<PriceChange> changes = (replaced != null && !override.setsPrices()) ? replaced.changes() : List.of();
			combined
				.add(new CatalogEntry(override.applyTo((replaced != null) ? replaced.entry() : null), changes, true));
		}
		combined.addAll(underneath.values());
		return new CatalogContent(this.date, this.source, combined);
	}

	/**
	 * The entries as they price calls on a UTC day.
	 * @param day the day
	 * @return the entries, in matching order
	 */
	List<ModelEntry> entriesOn(LocalDate day) {
		return this.entries.stream().map((entry) -> entry.on(day)).toList();
	}

	/**
	 * The first day after the given one on which a price of this content changes.
	 * @param day the day
	 * @return that day, or {@code null} when no change is announced after it
	 */
	@Nullable LocalDate nextChangeAfter(LocalDate day) {
		LocalDate next = null;
		for (CatalogEntry entry : this.entries) {
			LocalDate change = entry.nextChangeAfter(day);
			if (change != null && (next == null || change.isBefore(next))) {
				next = change;
			}
		}
		return next;
	}

	private static Map<String, CatalogEntry> byKey(List<CatalogEntry> entries) {
		Map<String, CatalogEntry> byKey = new LinkedHashMap<>();
		entries.forEach((entry) -> byKey.putIfAbsent(entry.key(), entry));
		return byKey;
	}

}
