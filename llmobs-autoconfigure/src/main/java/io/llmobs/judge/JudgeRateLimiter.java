package io.llmobs.judge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How many judgements may start per period ({@code llmobs.judge.max-per-minute}): a fixed
 * window that refills at the start of each period. It never waits, and it takes no lock,
 * since the application's threads ask it when their calls end.
 */
final class JudgeRateLimiter {

	private static final long COUNT_MASK = 0xFFFF_FFFFL;

	private final long permitsPerPeriod;

	private final long periodNanos;

	private final LongSupplier nanoTime;

	private final long origin;

	/**
	 * The current window's index in the high 32 bits, the permits it gave in the low 32
	 * bits.
	 */
	private final AtomicLong window = new AtomicLong();

	/**
	 * Creates a limiter whose first period starts now.
	 * @param permitsPerPeriod judgements that may start per period
	 * @param period the length of a period
	 * @param nanoTime the monotonic clock, as {@link System#nanoTime()}
	 */
	JudgeRateLimiter(int permitsPerPeriod, Duration period, LongSupplier nanoTime) {
		if (permitsPerPeriod < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("A rate limit needs a permit and a positive period");
		}
		this.permitsPerPeriod = permitsPerPeriod;
		this.periodNanos = period.toNanos();
		this.nanoTime = nanoTime;
		this.origin = nanoTime.getAsLong();
	}

	/**
	 * Takes a permit of the current period if one is left.
	 * @return true when a judgement may start
	 */
	boolean tryAcquire() {
		long now = (this.nanoTime.getAsLong() - this.origin) / this.periodNanos;
		while (true) {
			long current = this.window.get();
			// a thread that read the clock before another opened a later window counts in
			// that later window
			long index = Math.max(current >>> 32, now);
			long given = ((current >>> 32) == index) ? (current & COUNT_MASK) : 0;
			if (given >= this.permitsPerPeriod) {
				return false;
			}
			if (this.window.compareAndSet(current, (index << 32) | (given + 1))) {
				return true;
			}
		}
	}

}
