package io.llmobs.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;

import io.micrometer.core.instrument.Clock;

/**
 * The {@link DailySpend} of this instance alone: what it spent itself today, forgotten at
 * midnight UTC and at restart.
 */
public final class LocalDailySpend implements DailySpend {

	private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);

	private final Clock clock;

	private volatile Day day;

	/**
	 * Creates an empty spend for today.
	 * @param clock the clock whose wall time tells the UTC day
	 */
	public LocalDailySpend(Clock clock) {
		this.clock = clock;
		this.day = new Day(epochDay());
	}

	@Override
	public void add(String key, double usd) {
		today().spent.computeIfAbsent(key, (name) -> new DoubleAdder()).add(usd);
	}

	@Override
	public double[] spentToday(String... keys) {
		Day today = today();
		double[] spent = new double[keys.length];
		for (int i = 0; i < keys.length; i++) {
			DoubleAdder adder = today.spent.get(keys[i]);
			spent[i] = (adder != null) ? adder.sum() : 0;
		}
		return spent;
	}

	/**
	 * Sets today's spend under a key to a total known from elsewhere, such as the shared
	 * store's answer.
	 * @param key the key
	 * @param usd today's total
	 */
	public void set(String key, double usd) {
		DoubleAdder adder = new DoubleAdder();
		adder.add(usd);
		today().spent.put(key, adder);
	}

	private Day today() {
		long epochDay = epochDay();
		Day current = this.day;
		if (current.epochDay == epochDay) {
			return current;
		}
		synchronized (this) {
			if (this.day.epochDay != epochDay) {
				this.day = new Day(epochDay);
			}
			return this.day;
		}
	}

	private long epochDay() {
		return Math.floorDiv(this.clock.wallTime(), DAY_MILLIS);
	}

	/** The spend of one UTC day. */
	private static final class Day {

		private final long epochDay;

		private final Map<String, DoubleAdder> spent = new ConcurrentHashMap<>();

		Day(long epochDay) {
			this.epochDay = epochDay;
		}

	}

}
