package io.llmobs.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Short strings under keys, kept for a while for every replica of the application
 * ({@code llmobs.shared-state.store=redis}), such as what feedback needs to know of a
 * call that another replica served.
 */
public interface SharedValues {

	/**
	 * Keeps a value, without waiting for the store.
	 * @param key the key
	 * @param value the value
	 * @param ttl how long it is kept
	 */
	void put(String key, String value, Duration ttl);

	/**
	 * The value under a key, waiting for the store a short time at most.
	 * @param key the key
	 * @return the value, or {@code null} when there is none or the store cannot answer
	 */
	@Nullable String get(String key);

}
