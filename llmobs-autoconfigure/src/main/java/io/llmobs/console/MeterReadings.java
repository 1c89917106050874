package io.llmobs.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import org.jspecify.annotations.Nullable;

/**
 * Reads llmobs's meters for the page: counts and sums grouped by tag values, gauges, and
 * latency percentiles estimated from the timers' histogram buckets.
 */
final class MeterReadings {

	private static final String NONE = "none";

	private final MeterRegistry registry;

	MeterReadings(MeterRegistry registry) {
		this.registry = registry;
	}

	/** The counts of a meter's series summed by one tag. */
	Map<String, Long> countBy(String name, String tag) {
		Map<String, Long> counts = new TreeMap<>();
		for (Meter meter : this.registry.find(name).meters()) {
			counts.merge(tag(meter, tag), count(meter), Long::sum);
		}
		return counts;
	}

	/** The counts of a meter's series summed by two tags, the first one outer. */
	Map<String, Map<String, Long>> countBy(String name, String outer, String inner) {
		Map<String, Map<String, Long>> counts = new TreeMap<>();
		for (Meter meter : this.registry.find(name).meters()) {
			counts.computeIfAbsent(tag(meter, outer), (key) -> new TreeMap<>())
				.merge(tag(meter, inner), count(meter), Long::sum);
		}
		return counts;
	}

	/** The value of a counter's series (USD for the cost) summed by one tag. */
	Map<String, Double> sumBy(String name, String tag) {
		Map<String, Double> sums = new TreeMap<>();
		for (Counter counter : this.registry.find(name).counters()) {
			sums.merge(tag(counter, tag), counter.count(), Double::sum);
		}
		return sums;
	}

	/** The values of a gauge's series keyed by two tags as {@code first/second}. */
	Map<String, Double> gauges(String name, String first, String second) {
		Map<String, Double> values = new TreeMap<>();
		for (Gauge gauge : this.registry.find(name).gauges()) {
			double value = gauge.value();
			if (!Double.isNaN(value)) {
				values.put(tag(gauge, first) + "/" + tag(gauge, second), value);
			}
		}
		return values;
	}

	/** The mean amount of a distribution summary's series with a tag value. */
	@Nullable Double mean(String name, String tag, String value) {
		double total = 0;
		long count = 0;
		for (DistributionSummary summary : this.registry.find(name).tag(tag, value).summaries()) {
			total += summary.totalAmount();
			count += summary.count();
		}
		return (count > 0) ? total / count : null;
	}

	/** The amounts and counts of a distribution summary's series by one tag. */
	void amountsBy(String name, String tag, Map<String, Double> totals, Map<String, Double> counts) {
		for (DistributionSummary summary : this.registry.find(name).summaries()) {
			totals.merge(tag(summary, tag), summary.totalAmount(), Double::sum);
			counts.merge(tag(summary, tag), (double) summary.count(), Double::sum);
		}
	}

	/**
	 * Latency of a timer by model and stage: its series (other tags) merged, percentiles
	 * interpolated within the merged histogram buckets.
	 */
	List<ConsoleSnapshot.Latency> latency(String name) {
		Map<String, MergedTimer> merged = new TreeMap<>();
		for (Timer timer : this.registry.find(name).timers()) {
			String model = tag(timer, "model");
			String stage = tag(timer, "stage");
			merged.computeIfAbsent(model + '\0' + stage, (key) -> new MergedTimer(model, stage)).add(timer);
		}
		List<ConsoleSnapshot.Latency> latency = new ArrayList<>(merged.size());
		for (MergedTimer timer : merged.values()) {
			if (timer.count > 0) {
				latency.add(new ConsoleSnapshot.Latency(timer.model, timer.stage, timer.count,
						timer.totalMs / timer.count, timer.percentile(0.5), timer.percentile(0.95)));
			}
		}
		return latency;
	}

	private static String tag(Meter meter, String key) {
		String value = meter.getId().getTag(key);
		return (value != null) ? value : NONE;
	}

	private static long count(Meter meter) {
		if (meter instanceof Counter counter) {
			return (long) counter.count();
		}
		if (meter instanceof Timer timer) {
			return timer.count();
		}
		if (meter instanceof DistributionSummary summary) {
			return summary.count();
		}
		if (meter instanceof FunctionCounter counter) {
			return (long) counter.count();
		}
		return 0;
	}

	/** The series of one model and stage merged: counts, time and cumulative buckets. */
	private static final class MergedTimer {

		private final String model;

		private final String stage;

		private long count;

		private double totalMs;

		private final TreeMap<Double, Double> buckets = new TreeMap<>();

		MergedTimer(String model, String stage) {
			this.model = model;
			this.stage = stage;
		}

		void add(Timer timer) {
			this.count += timer.count();
			this.totalMs += timer.totalTime(TimeUnit.MILLISECONDS);
			for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
				this.buckets.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
			}
		}

		/**
		 * The value below which a share of the calls fall, linear within the bucket that
		 * holds it (as Prometheus's {@code histogram_quantile}).
		 */
		@Nullable Double percentile(double share) {
			if (this.buckets.isEmpty()) {
				return null;
			}
			double rank = share * this.count;
			double lowerBound = 0;
			double lowerCount = 0;
			for (Map.Entry<Double, Double> bucket : this.buckets.entrySet()) {
				if (bucket.getValue() >= rank) {
					double inBucket = bucket.getValue() - lowerCount;
					double fraction = (inBucket > 0) ? (rank - lowerCount) / inBucket : 1.0;
					return lowerBound + (bucket.getKey() - lowerBound) * fraction;
				}
				lowerBound = bucket.getKey();
				lowerCount = bucket.getValue();
			}
			return this.buckets.lastKey();
		}

	}

}
