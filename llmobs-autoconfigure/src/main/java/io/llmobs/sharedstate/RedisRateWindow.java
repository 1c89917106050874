package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.llmobs.core.RateWindow;
import io.micrometer.core.instrument.Clock;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The {@link RateWindow} of the fleet: one Redis counter per key and window, raised with
 * {@code INCR} (atomic, so the permits of every replica count) and kept two windows: the
 * fixed-window pattern of Redis's own documentation, one command per permit. While Redis
 * cannot answer, this instance counts its own permits in the same windows.
 */
public final class RedisRateWindow implements RateWindow {

	private final Supplier<ReactiveStringRedisTemplate> redis;

	private final String prefix;

	private final RedisAvailability availability;

	private final Clock clock;

	private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();

	/**
	 * Creates the windows.
	 * @param redis the application's Redis, asked for at the first use
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 * @param availability whether Redis is worth asking
	 * @param clock the clock whose wall time tells the window
	 */
	public RedisRateWindow(Supplier<ReactiveStringRedisTemplate> redis, String keyPrefix,
			RedisAvailability availability, Clock clock) {
		this.redis = redis;
		this.prefix = keyPrefix + "rate:";
		this.availability = availability;
		this.clock = clock;
	}

	@Override
	public boolean tryAcquire(String key, int permits, Duration window) {
		long index = Math.floorDiv(this.clock.wallTime(), window.toMillis());
		String redisKey = this.prefix + key + ":" + index;
		if (this.availability.usable()) {
			try {
				ReactiveStringRedisTemplate redis = this.redis.get();
				Long taken = redis.opsForValue()
					.increment(redisKey)
					.flatMap((count) -> redis.expire(redisKey, window.multipliedBy(2)).thenReturn(count))
					.timeout(this.availability.timeout())
					.block();
				if (taken == null) {
					throw new IllegalStateException("Redis answered INCR with nothing");
				}
				this.availability.succeeded();
				return taken <= permits;
			}
			catch (RuntimeException ex) {
				this.availability.failed(ex);
			}
		}
		else {
			this.availability.fellBack();
		}
		return takeLocally(key, index, permits);
	}

	private boolean takeLocally(String key, long index, int permits) {
		AtomicLong window = this.local.computeIfAbsent(key, (name) -> new AtomicLong());
		while (true) {
			long current = window.get();
			long given = ((current >>> 32) == (index & 0xFFFF_FFFFL)) ? (current & 0xFFFF_FFFFL) : 0;
			if (given >= permits) {
				return false;
			}
			if (window.compareAndSet(current, ((index & 0xFFFF_FFFFL) << 32) | (given + 1))) {
				return true;
			}
		}
	}

}
