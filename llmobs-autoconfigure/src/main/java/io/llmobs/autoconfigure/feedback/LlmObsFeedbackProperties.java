package io.llmobs.autoconfigure.feedback;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of user feedback on calls, under {@code llmobs.feedback}.
 */
@ConfigurationProperties("llmobs.feedback")
@Validated
public class LlmObsFeedbackProperties {

	/**
	 * Whether a FeedbackRecorder bean records user outcomes against the ids of recent
	 * calls.
	 */
	private boolean enabled = true;

	/**
	 * The ids of recent calls that feedback can refer to.
	 */
	@Valid
	private final Cache cache = new Cache();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Cache getCache() {
		return this.cache;
	}

	/**
	 * The ids of recent calls (response ids and trace ids).
	 */
	public static class Cache {

		/**
		 * Ids kept at most; feedback on an id no longer kept is counted as unknown.
		 */
		@Min(1)
		private long maxSize = 10_000;

		/**
		 * How long after its call an id can receive feedback.
		 */
		@NotNull
		@DurationMin(nanos = 1)
		private Duration expireAfterWrite = Duration.ofHours(1);

		public long getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(long maxSize) {
			this.maxSize = maxSize;
		}

		public Duration getExpireAfterWrite() {
			return this.expireAfterWrite;
		}

		public void setExpireAfterWrite(Duration expireAfterWrite) {
			this.expireAfterWrite = expireAfterWrite;
		}

	}

}
