package io.llmobs.autoconfigure.conversation;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of conversations, under {@code llmobs.conversations}.
 */
@ConfigurationProperties("llmobs.conversations")
@Validated
public class LlmObsConversationProperties {

	/**
	 * Whether calls with a conversation id carry it on their spans and are added up per
	 * conversation for the endpoint.
	 */
	private boolean enabled = true;

	/**
	 * Conversations kept at most; past it, the least used are dropped first.
	 */
	@Min(1)
	private long maxTracked = 1000;

	/**
	 * How long a conversation without a new turn is kept; a later turn starts its totals
	 * again.
	 */
	@NotNull
	@DurationMin(nanos = 1)
	private Duration expireAfterIdle = Duration.ofHours(1);

	/**
	 * How many of the costliest kept conversations the endpoint lists.
	 */
	@Min(1)
	private int top = 10;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public long getMaxTracked() {
		return this.maxTracked;
	}

	public void setMaxTracked(long maxTracked) {
		this.maxTracked = maxTracked;
	}

	public Duration getExpireAfterIdle() {
		return this.expireAfterIdle;
	}

	public void setExpireAfterIdle(Duration expireAfterIdle) {
		this.expireAfterIdle = expireAfterIdle;
	}

	public int getTop() {
		return this.top;
	}

	public void setTop(int top) {
		this.top = top;
	}

}
