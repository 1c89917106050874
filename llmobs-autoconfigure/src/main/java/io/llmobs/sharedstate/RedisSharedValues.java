package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.function.Supplier;

import io.llmobs.core.SharedValues;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * {@link SharedValues} in Redis: {@code SET} with an expiry, sent without waiting, and
 * {@code GET} within the shared state's timeout. While Redis cannot answer, values are
 * neither kept nor found.
 */
public final class RedisSharedValues implements SharedValues {

	private static final Duration SET_TIMEOUT = Duration.ofSeconds(2);

	private final Supplier<ReactiveStringRedisTemplate> redis;

	private final String prefix;

	private final RedisAvailability availability;

	/**
	 * Creates the values.
	 * @param redis the application's Redis, asked for at the first use
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 * @param availability whether Redis is worth asking
	 */
	public RedisSharedValues(Supplier<ReactiveStringRedisTemplate> redis, String keyPrefix,
			RedisAvailability availability) {
		this.redis = redis;
		this.prefix = keyPrefix;
		this.availability = availability;
	}

	@Override
	public void put(String key, String value, Duration ttl) {
		if (!this.availability.usable()) {
			this.availability.fellBack();
			return;
		}
		this.redis.get()
			.opsForValue()
			.set(this.prefix + key, value, ttl)
			.timeout(SET_TIMEOUT)
			.subscribe((done) -> this.availability.succeeded(), this.availability::failed);
	}

	@Override
	public @Nullable String get(String key) {
		if (!this.availability.usable()) {
			this.availability.fellBack();
			return null;
		}
		try {
			String value = this.redis.get()
				.opsForValue()
				.get(this.prefix + key)
				.timeout(this.availability.timeout())
				.block();
			this.availability.succeeded();
			return value;
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			return null;
		}
	}

}
