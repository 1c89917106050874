package io.llmobs.chat;

import java.util.List;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.core.retry.support.CompositeRetryListener;

/**
 * Tells {@link SpringAiRetries} of each retry of a Spring AI {@code RetryTemplate}:
 * Spring Framework 7's, called before each retry.
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
	 * Adds a listener to a {@link RetryTemplate}, after the listener it has.
	 * @param template the template
	 * @param retries what counts the template's retries
	 */
	static void addTo(Object template, SpringAiRetries retries) {
		RetryTemplate retryTemplate = (RetryTemplate) template;
		retryTemplate.setRetryListener(new CompositeRetryListener(
				List.of(retryTemplate.getRetryListener(), new SpringAiRetryListener(retries))));
	}

	@Override
	public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
		this.retries.retried(retryState.getLastException());
	}

}
