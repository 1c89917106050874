package io.llmobs.chat;

import org.springframework.ai.retry.TransientAiException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;

/**
 * Tells {@link SpringAiRetries} of each retry of a Spring AI {@code RetryTemplate}:
 * Spring Retry's, which Spring AI 1.1 uses. Spring Retry tells a listener of each failed
 * attempt, not of each retry: a transient failure is the one Spring AI retries, so each
 * counts, the last one of a call whose attempts ran out too.
 */
final class SpringAiRetryListener implements RetryListener {

	private final SpringAiRetries retries;

	private SpringAiRetryListener(SpringAiRetries retries) {
		this.retries = retries;
	}

	static boolean isRetryTemplate(Object bean) {
		return bean instanceof RetryTemplate;
	}

	/**
	 * Adds a listener to a {@link RetryTemplate}.
	 * @param template the template
	 * @param retries what counts the template's retries
	 */
	static void addTo(Object template, SpringAiRetries retries) {
		((RetryTemplate) template).registerListener(new SpringAiRetryListener(retries));
	}

	@Override
	public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
			Throwable throwable) {
		if (throwable instanceof TransientAiException) {
			this.retries.retried(throwable);
		}
	}

}
