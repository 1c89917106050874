package io.llmobs.chat;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.retry.TransientAiException;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.support.RetryTemplate;

/**
 * Tells {@link SpringAiRetries} of each retry of a Spring AI {@code RetryTemplate}:
 * Spring Retry's, which Spring AI 1.1 uses. Spring Retry tells a listener of each failed
 * attempt, not whether it is retried, so a failure counts once the next attempt shows it
 * was: at the next failure, or when the call succeeds; the failure a call ends with does
 * not count.
 */
final class SpringAiRetryListener implements RetryListener {

	private static final String PENDING = SpringAiRetryListener.class.getName() + ".pending";

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
		retried(context);
		if (throwable instanceof TransientAiException) {
			context.setAttribute(PENDING, throwable);
		}
	}

	/**
	 * Counts the failure before the attempt that answered; Spring Retry passes the last
	 * failure here whether or not a later attempt answered, and marks a call whose
	 * attempts ran out.
	 */
	@Override
	public <T, E extends Throwable> void close(RetryContext context, RetryCallback<T, E> callback,
			@Nullable Throwable throwable) {
		if (!Boolean.TRUE.equals(context.getAttribute(RetryContext.EXHAUSTED))) {
			retried(context);
		}
	}

	private void retried(RetryContext context) {
		Object pending = context.removeAttribute(PENDING);
		if (pending instanceof Throwable failure) {
			this.retries.retried(failure);
		}
	}

}
