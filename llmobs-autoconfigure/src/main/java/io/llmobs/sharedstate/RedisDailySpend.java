package io.llmobs.sharedstate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.llmobs.core.DailySpend;
import io.llmobs.core.LocalDailySpend;
import io.micrometer.core.instrument.Clock;

/**
 * The {@link DailySpend} of the fleet: one Redis number per key and UTC day, raised with
 * {@code INCRBYFLOAT} (atomic, so every replica's adds count) and kept two days. A read
 * is one {@code MGET}, bounded by the shared state's timeout; an add is sent without
 * waiting, and each instance's first add to a day's key also sets its expiry. While Redis
 * cannot answer, reads and adds use this instance's own spend, which starts from the
 * fleet's totals last read.
 */
public final class RedisDailySpend implements DailySpend {

	private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);

	private static final Duration KEPT = Duration.ofDays(2);

	private final SharedRedisCommands redis;

	private final String prefix;

	private final Clock clock;

	private final LocalDailySpend local;

	/** Today's Redis key of each key, encoded once a day rather than on every call. */
	private final Map<String, DayKey> dayKeys = new ConcurrentHashMap<>();

	/**
	 * Creates the spend.
	 * @param redis the application's Redis
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 * @param clock the clock whose wall time tells the UTC day
	 */
	public RedisDailySpend(SharedRedisCommands redis, String keyPrefix, Clock clock) {
		this.redis = redis;
		this.prefix = keyPrefix + "spend:";
		this.clock = clock;
		this.local = new LocalDailySpend(clock);
	}

	@Override
	public void add(String key, double usd) {
		this.local.add(key, usd);
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.redis.commands();
		if (commands == null) {
			return;
		}
		DayKey redisKey = dayKey(key, epochDay());
		this.redis.whenAnswered(commands.incrbyfloat(redisKey.key(), usd), (total) -> this.local.set(key, total));
		if (redisKey.firstAdd()) {
			this.redis.send(commands.expire(redisKey.key(), KEPT));
		}
	}

	@Override
	public double[] spentToday(String... keys) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.redis.commands();
		if (commands == null) {
			return this.local.spentToday(keys);
		}
		long day = epochDay();
		byte[][] redisKeys = new byte[keys.length][];
		for (int i = 0; i < keys.length; i++) {
			redisKeys[i] = dayKey(keys[i], day).key();
		}
		try {
			List<KeyValue<byte[], byte[]>> values = this.redis.await(commands.mget(redisKeys));
			double[] spent = new double[keys.length];
			for (int i = 0; i < keys.length; i++) {
				KeyValue<byte[], byte[]> value = values.get(i);
				spent[i] = value.hasValue()
						? Double.parseDouble(new String(value.getValue(), StandardCharsets.US_ASCII)) : 0;
				this.local.set(keys[i], spent[i]);
			}
			return spent;
		}
		catch (RuntimeException ex) {
			this.redis.failed(ex);
			return this.local.spentToday(keys);
		}
	}

	private DayKey dayKey(String key, long epochDay) {
		DayKey known = this.dayKeys.get(key);
		if (known != null && known.day() == epochDay) {
			return known;
		}
		DayKey today = new DayKey(epochDay, (this.prefix + epochDay + ":" + key).getBytes(StandardCharsets.UTF_8));
		this.dayKeys.put(key, today);
		return today;
	}

	private long epochDay() {
		return Math.floorDiv(this.clock.wallTime(), DAY_MILLIS);
	}

	/** A key's Redis key of one day, and whether this instance has added to it yet. */
	private static final class DayKey {

		private final long day;

		private final byte[] key;

		private final AtomicBoolean added = new AtomicBoolean();

		DayKey(long day, byte[] key) {
			this.day = day;
			this.key = key;
		}

		long day() {
			return this.day;
		}

		byte[] key() {
			return this.key;
		}

		/**
		 * Whether this is this instance's first add to the key, which sets its expiry.
		 */
		boolean firstAdd() {
			return !this.added.get() && this.added.compareAndSet(false, true);
		}

	}

}
