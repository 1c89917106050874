package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Whether Redis is worth asking: after a failure or a timeout, the shared state answers
 * from this instance's own state for a retry interval, so that a Redis that is down or
 * slow costs a call at most one timeout per interval. Each fallback is counted in
 * {@code llmobs.shared.state.fallbacks}; the first failure of an outage is logged at
 * WARN, the recovery at INFO.
 */
public final class RedisAvailability {

	/** Counter of the shared-state operations answered from this instance's state. */
	public static final String FALLBACKS = "llmobs.shared.state.fallbacks";

	private static final Log logger = LogFactory.getLog(RedisAvailability.class);

	private final Duration timeout;

	private final long retryIntervalNanos;

	private final Clock clock;

	private final Counter fallbacks;

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicLong downSince = new AtomicLong();

	/**
	 * Creates the availability of a Redis that is assumed up.
	 * @param timeout how long a call waits for Redis at most
	 * @param retryInterval how long Redis is left alone after a failure
	 * @param meterRegistry where the fallbacks are counted; its clock tells the time
	 */
	public RedisAvailability(Duration timeout, Duration retryInterval, MeterRegistry meterRegistry) {
		this.timeout = timeout;
		this.retryIntervalNanos = retryInterval.toNanos();
		this.clock = meterRegistry.config().clock();
		this.fallbacks = Counter.builder(FALLBACKS)
			.description("Shared-state operations answered from this instance's own state, Redis failing or slow")
			.register(meterRegistry);
	}

	/**
	 * How long a call waits for Redis at most.
	 * @return the timeout
	 */
	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Whether Redis may be asked now: it is up, or its retry interval has passed, and
	 * then only by one caller, whose answer tells whether it is back.
	 * @return whether to ask Redis
	 */
	boolean usable() {
		if (!this.down.get()) {
			return true;
		}
		long since = this.downSince.get();
		long now = this.clock.monotonicTime();
		return now - since >= this.retryIntervalNanos && this.downSince.compareAndSet(since, now);
	}

	/**
	 * Counts an operation answered without Redis while it is left alone.
	 */
	void fellBack() {
		this.fallbacks.increment();
	}

	/**
	 * Reports a failed or timed-out operation: counted, and Redis is left alone for the
	 * retry interval.
	 * @param ex the failure
	 */
	void failed(Throwable ex) {
		this.fallbacks.increment();
		this.downSince.set(this.clock.monotonicTime());
		if (this.down.compareAndSet(false, true)) {
			logger.warn("llmobs shared state: Redis failed (" + ex + "); limits, budgets, feedback ids and tag "
					+ "values are per instance until it answers again (counted in " + FALLBACKS + ")");
		}
	}

	/**
	 * Reports an operation Redis answered.
	 */
	void succeeded() {
		if (this.down.get() && this.down.compareAndSet(true, false)) {
			logger.info(
					"llmobs shared state: Redis answers again; limits, budgets, feedback ids and tag values are shared");
		}
	}

}
