package io.llmobs.sharedstate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.llmobs.core.SharedValues;
import org.jspecify.annotations.Nullable;

/**
 * {@link SharedValues} in Redis: {@code SET} with an expiry, sent without waiting, and
 * {@code GET} within the shared state's timeout. While Redis cannot answer, values are
 * neither kept nor found.
 */
public final class RedisSharedValues implements SharedValues {

	private final SharedRedisCommands redis;

	private final String prefix;

	/**
	 * Creates the values.
	 * @param redis the application's Redis
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 */
	public RedisSharedValues(SharedRedisCommands redis, String keyPrefix) {
		this.redis = redis;
		this.prefix = keyPrefix;
	}

	@Override
	public void put(String key, String value, Duration ttl) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.redis.commands();
		if (commands != null) {
			this.redis.send(commands.set(redisKey(key), value.getBytes(StandardCharsets.UTF_8),
					SetArgs.Builder.px(ttl.toMillis())));
		}
	}

	@Override
	public @Nullable String get(String key) {
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.redis.commands();
		if (commands == null) {
			return null;
		}
		try {
			byte[] value = this.redis.await(commands.get(redisKey(key)));
			return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
		}
		catch (RuntimeException ex) {
			this.redis.failed(ex);
			return null;
		}
	}

	private byte[] redisKey(String key) {
		return (this.prefix + key).getBytes(StandardCharsets.UTF_8);
	}

}
