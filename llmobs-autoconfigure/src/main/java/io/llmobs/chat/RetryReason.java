package io.llmobs.chat;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Why a model call was retried: the {@code reason} tag values of
 * {@code llmobs.chat.retries}, the provider's failures that clients retry.
 */
public enum RetryReason {

	/** The provider answered HTTP 429. */
	RATE_LIMITED("rate_limited"),

	/** The provider answered HTTP 5xx. */
	SERVER_ERROR("server_error"),

	/** The attempt timed out, or the provider answered HTTP 408. */
	TIMEOUT("timeout"),

	/** Any other failure that the client retries (a lost connection, HTTP 409). */
	OTHER("other");

	private static final int MAX_CAUSES = 16;

	private final String value;

	RetryReason(String value) {
		this.value = value;
	}

	/**
	 * The tag value.
	 * @return the value of the {@code reason} tag
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The reason of a failed attempt that the provider answered.
	 * @param status the HTTP status of its response
	 * @return the reason
	 */
	public static RetryReason ofStatus(int status) {
		if (status == 429) {
			return RATE_LIMITED;
		}
		if (status == 408) {
			return TIMEOUT;
		}
		return (status >= 500) ? SERVER_ERROR : OTHER;
	}

	/**
	 * The reason of an attempt that failed without a response.
	 * @param error the failure
	 * @return {@link #TIMEOUT} when a cause is a time-out, else {@link #OTHER}
	 */
	public static RetryReason of(@Nullable Throwable error) {
		Throwable current = error;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			if (current instanceof InterruptedIOException || current instanceof TimeoutException
					|| current instanceof HttpTimeoutException) {
				return TIMEOUT;
			}
			current = current.getCause();
		}
		return OTHER;
	}

}
