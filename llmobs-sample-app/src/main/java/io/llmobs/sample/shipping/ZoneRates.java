package io.llmobs.sample.shipping;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rate card of {@code shipping/rate-card.md} as data: the zone of a destination and
 * the price of each service level in it.
 */
final class ZoneRates {

	/**
	 * Destinations by zone, matched as lower-case words of the destination the model
	 * names.
	 */
	private static final Map<Integer, List<String>> DESTINATIONS = Map.of(1,
			List.of("germany", "berlin", "hamburg", "munich", "cologne", "leipzig", "frankfurt"), 2,
			List.of("france", "austria", "netherlands", "belgium", "italy", "spain", "portugal", "poland", "paris",
					"vienna", "amsterdam", "brussels", "rome", "madrid", "lisbon", "warsaw"),
			3, List.of("united kingdom", "uk", "switzerland", "norway", "london", "zurich", "oslo"), 4,
			List.of("united states", "usa", "canada", "new york", "chicago", "toronto"), 5,
			List.of("vietnam", "japan", "singapore", "australia", "hanoi", "ho chi minh", "hcmc", "tokyo", "sydney"));

	private static final Map<Integer, Map<String, Rate>> RATES = Map.of(1,
			Map.of("standard", new Rate(4.90, 0.35), "express", new Rate(8.90, 0.60), "economy", new Rate(3.90, 0.25)),
			2,
			Map.of("standard", new Rate(9.50, 0.80), "express", new Rate(16.00, 1.40), "economy", new Rate(7.50, 0.60)),
			3,
			Map.of("standard", new Rate(14.00, 1.10), "express", new Rate(24.00, 1.90), "economy",
					new Rate(11.00, 0.90)),
			4,
			Map.of("standard", new Rate(22.00, 2.40), "express", new Rate(39.00, 3.80), "economy",
					new Rate(18.00, 1.90)),
			5, Map.of("standard", new Rate(26.00, 2.90), "express", new Rate(45.00, 4.20), "economy",
					new Rate(21.00, 2.30)));

	private ZoneRates() {
	}

	/**
	 * The zone of a destination.
	 * @param destination a city or country
	 * @return its zone, or {@code null} when the rate card does not name it
	 */
	static @Nullable Integer zoneOf(String destination) {
		String lower = destination.toLowerCase(Locale.ROOT).strip();
		for (Map.Entry<Integer, List<String>> zone : DESTINATIONS.entrySet()) {
			for (String name : zone.getValue()) {
				if (lower.equals(name) || lower.contains(name)) {
					return zone.getKey();
				}
			}
		}
		return null;
	}

	/**
	 * The rate of a service level in a zone.
	 * @param zone the zone
	 * @param service {@code standard}, {@code express} or {@code economy}
	 * @return the rate, or {@code null} for an unknown zone or service
	 */
	static @Nullable Rate rate(int zone, String service) {
		Map<String, Rate> rates = RATES.get(zone);
		return (rates != null) ? rates.get(service.toLowerCase(Locale.ROOT).strip()) : null;
	}

	/**
	 * A price: a base per parcel plus a price per kilogram, in EUR.
	 *
	 * @param base EUR per parcel
	 * @param perKg EUR per kilogram
	 */
	record Rate(double base, double perKg) {
	}

}
