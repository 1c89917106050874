package io.llmobs.sharedstate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.llmobs.core.RateWindow;
import io.micrometer.core.instrument.Clock;

/**
 * The {@link RateWindow} of the fleet: one Redis counter per key and window, raised with
 * {@code INCR} (atomic, so the permits of every replica count) and kept two windows: the
 * fixed-window pattern of Redis's own documentation, one command per permit (the first
 * permit of a window also sets its expiry, without waiting). While Redis cannot answer,
 * this instance counts its own permits in the same windows.
 */
public final class RedisRateWindow implements RateWindow {

	private final SharedRedisCommands redis;

	private final String prefix;

	private final Clock clock;

	private final Map<String, AtomicLong> local = new ConcurrentHashMap<>();

	/**
	 * Creates the windows.
	 * @param redis the application's Redis
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 * @param clock the clock whose wall time tells the window
	 */
	public RedisRateWindow(SharedRedisCommands redis, String keyPrefix, Clock clock) {
		this.redis = redis;
		this.prefix = keyPrefix + "rate:";
		this.clock = clock;
	}

	@Override
	public boolean tryAcquire(String key, int permits, Duration window) {
		long index = Math.floorDiv(this.clock.wallTime(), window.toMillis());
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.redis.commands();
		if (commands != null) {
			byte[] redisKey = (this.prefix + key + ":" + index).getBytes(StandardCharsets.UTF_8);
			try {
				long taken = this.redis.await(commands.incr(redisKey));
				if (taken == 1) {
					this.redis.send(commands.expire(redisKey, window.multipliedBy(2)));
				}
				return taken <= permits;
			}
			catch (RuntimeException ex) {
				this.redis.failed(ex);
			}
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
