package io.llmobs.sharedstate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.lettuce.core.tracing.LettuceObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

/**
 * Leaves out of the application's observations the Redis commands on the shared state's
 * keys: with Spring Boot's Lettuce observations, each would be a span and a timer sample,
 * and most of them are sent from a model call, whose trace they would fill with a Redis
 * span each. The application's own Redis commands are observed as before.
 */
public final class SharedStateObservationPredicate implements ObservationPredicate {

	private final byte[] keyPrefix;

	/**
	 * Creates the predicate.
	 * @param keyPrefix the prefix of every key of the shared state
	 * ({@code llmobs.shared-state.key-prefix})
	 */
	public SharedStateObservationPredicate(String keyPrefix) {
		this.keyPrefix = keyPrefix.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof LettuceObservationContext redis && redis.hasCommand()) {
			ByteBuffer key = redis.getRequiredCommand().getArgs().getFirstEncodedKey();
			return key == null || !startsWithPrefix(key);
		}
		return true;
	}

	private boolean startsWithPrefix(ByteBuffer key) {
		if (key.remaining() < this.keyPrefix.length) {
			return false;
		}
		int start = key.position();
		for (int i = 0; i < this.keyPrefix.length; i++) {
			if (key.get(start + i) != this.keyPrefix[i]) {
				return false;
			}
		}
		return true;
	}

}
