package io.llmobs.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cumulative readings of the meters at the end of each of the last minutes, so that the
 * page gets what happened minute by minute from counters that only grow. Each minute
 * keeps its latest reading; the reading before the first minute is the baseline.
 */
final class MinuteHistory {

	private final int minutes;

	private final TreeMap<Long, Map<String, Double>> readings = new TreeMap<>();

	/**
	 * Creates the history.
	 * @param minutes minutes kept
	 * @param minute the minute of the baseline (epoch minutes)
	 * @param baseline the readings then
	 */
	MinuteHistory(int minutes, long minute, Map<String, Double> baseline) {
		this.minutes = minutes;
		this.readings.put(minute - 1, baseline);
	}

	synchronized void record(long minute, Map<String, Double> reading) {
		this.readings.put(minute, reading);
		while (this.readings.size() > this.minutes + 1) {
			this.readings.pollFirstEntry();
		}
	}

	/**
	 * What each key grew by in each minute after the baseline.
	 * @return the minutes (epoch minutes) and, by key, one value per minute
	 */
	synchronized Deltas deltas() {
		List<Long> minutes = new ArrayList<>(this.readings.size());
		Map<String, double[]> deltas = new HashMap<>();
		Map<String, Double> previous = null;
		int count = this.readings.size() - 1;
		for (Map.Entry<Long, Map<String, Double>> entry : this.readings.entrySet()) {
			if (previous != null) {
				int index = minutes.size();
				for (Map.Entry<String, Double> value : entry.getValue().entrySet()) {
					double delta = value.getValue() - previous.getOrDefault(value.getKey(), 0.0);
					deltas.computeIfAbsent(value.getKey(), (key) -> new double[count])[index] = Math.max(delta, 0.0);
				}
				minutes.add(entry.getKey());
			}
			previous = entry.getValue();
		}
		Map<String, List<Double>> series = new HashMap<>();
		deltas.forEach((key, values) -> series.put(key, Arrays.stream(values).boxed().toList()));
		return new Deltas(minutes, series);
	}

	/**
	 * Growth per minute.
	 *
	 * @param minutes epoch minutes, oldest first
	 * @param series by key, one value per minute
	 */
	record Deltas(List<Long> minutes, Map<String, List<Double>> series) {

	}

}
