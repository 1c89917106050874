package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.llmobs.core.DailySpend;
import io.llmobs.core.LocalDailySpend;
import io.micrometer.core.instrument.Clock;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The {@link DailySpend} of the fleet: one Redis number per key and UTC day, raised with
 * {@code INCRBYFLOAT} (atomic, so every replica's adds count) and kept two days. A read
 * is one {@code MGET}, bounded by the shared state's timeout; an add is sent without
 * waiting. While Redis cannot answer, reads and adds use this instance's own spend, which
 * starts from the fleet's totals last read.
 */
public final class RedisDailySpend implements DailySpend {

	private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);

	private static final Duration KEPT = Duration.ofDays(2);

	/** Adds are not waited for, so they may take longer than a read. */
	private static final Duration ADD_TIMEOUT = Duration.ofSeconds(2);

	private final Supplier<ReactiveStringRedisTemplate> redis;

	private final String prefix;

	private final RedisAvailability availability;

	private final Clock clock;

	private final LocalDailySpend local;

	/**
	 * Creates the spend.
	 * @param redis the application's Redis, asked for at the first use (the connection
	 * factory may observe its commands, and the observation registry may not be built yet
	 * when this is)
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 * @param availability whether Redis is worth asking
	 * @param clock the clock whose wall time tells the UTC day
	 */
	public RedisDailySpend(Supplier<ReactiveStringRedisTemplate> redis, String keyPrefix,
			RedisAvailability availability, Clock clock) {
		this.redis = redis;
		this.prefix = keyPrefix + "spend:";
		this.availability = availability;
		this.clock = clock;
		this.local = new LocalDailySpend(clock);
	}

	@Override
	public void add(String key, double usd) {
		this.local.add(key, usd);
		if (!this.availability.usable()) {
			this.availability.fellBack();
			return;
		}
		String redisKey = redisKey(key, epochDay());
		ReactiveStringRedisTemplate redis = this.redis.get();
		redis.opsForValue()
			.increment(redisKey, usd)
			.flatMap((total) -> redis.expire(redisKey, KEPT).thenReturn(total))
			.timeout(ADD_TIMEOUT)
			.subscribe((total) -> {
				this.local.set(key, total);
				this.availability.succeeded();
			}, this.availability::failed);
	}

	@Override
	public double[] spentToday(String... keys) {
		if (!this.availability.usable()) {
			this.availability.fellBack();
			return this.local.spentToday(keys);
		}
		long day = epochDay();
		List<String> redisKeys = new ArrayList<>(keys.length);
		for (String key : keys) {
			redisKeys.add(redisKey(key, day));
		}
		try {
			List<String> values = this.redis.get()
				.opsForValue()
				.multiGet(redisKeys)
				.timeout(this.availability.timeout())
				.block();
			if (values == null) {
				throw new IllegalStateException("Redis answered MGET with nothing");
			}
			this.availability.succeeded();
			double[] spent = new double[keys.length];
			for (int i = 0; i < keys.length; i++) {
				String value = values.get(i);
				spent[i] = (value != null) ? Double.parseDouble(value) : 0;
				this.local.set(keys[i], spent[i]);
			}
			return spent;
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			return this.local.spentToday(keys);
		}
	}

	/**
	 * Opens the connection to Redis without waiting for it, so that the first call does
	 * not pay for it.
	 */
	public void connect() {
		this.redis.get()
			.execute((connection) -> connection.ping())
			.timeout(ADD_TIMEOUT)
			.subscribe((pong) -> this.availability.succeeded(), this.availability::failed);
	}

	private String redisKey(String key, long epochDay) {
		return this.prefix + epochDay + ":" + key;
	}

	private long epochDay() {
		return Math.floorDiv(this.clock.wallTime(), DAY_MILLIS);
	}

}
