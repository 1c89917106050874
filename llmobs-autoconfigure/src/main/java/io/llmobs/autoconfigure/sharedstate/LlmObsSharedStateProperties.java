package io.llmobs.autoconfigure.sharedstate;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the state of limits, budgets, feedback ids and admitted tag values is kept, under
 * {@code llmobs.shared-state}: by each instance, or in Redis for the whole fleet.
 */
@ConfigurationProperties("llmobs.shared-state")
@Validated
public class LlmObsSharedStateProperties {

	/**
	 * Where the judge's rate and daily budget, the spend budgets, the ids feedback refers
	 * to and the admitted values of the bounded tags are kept: 'local' (each instance its
	 * own) or 'redis' (the application's Spring Data Redis connection, shared by every
	 * replica).
	 */
	@NotNull
	private Store store = Store.LOCAL;

	/**
	 * Prefix of every Redis key llmobs writes.
	 */
	@NotBlank
	private String keyPrefix = "llmobs:";

	/**
	 * How long a call waits for Redis at most before it goes on with this instance's own
	 * state.
	 */
	@NotNull
	@DurationMin(millis = 1)
	private Duration timeout = Duration.ofMillis(50);

	/**
	 * How long Redis is left alone after a failure or a timeout, the instance's own state
	 * answering meanwhile.
	 */
	@NotNull
	@DurationMin(millis = 1)
	private Duration retryInterval = Duration.ofSeconds(5);

	/**
	 * How often each replica claims its admitted tag values for the fleet and reads the
	 * fleet's set of each bounded tag (stage, tenant, model, task); a new value is also
	 * claimed as soon as it is seen.
	 */
	@NotNull
	@DurationMin(millis = 1)
	private Duration syncInterval = Duration.ofSeconds(5);

	public Store getStore() {
		return this.store;
	}

	public void setStore(Store store) {
		this.store = store;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = retryInterval;
	}

	public Duration getSyncInterval() {
		return this.syncInterval;
	}

	public void setSyncInterval(Duration syncInterval) {
		this.syncInterval = syncInterval;
	}

	/**
	 * Where the shared state is kept.
	 */
	public enum Store {

		/** Each instance keeps its own. */
		LOCAL,

		/** Redis, through the application's Spring Data Redis connection. */
		REDIS

	}

}
