package io.llmobs.chat;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LeadingHttpStatus;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.retry.TransientAiException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

/**
 * Counts the retries of Spring AI's {@code RetryTemplate} ({@code spring.ai.retry.*}),
 * which the clients built on Spring's HTTP clients (Ollama, Google GenAI) run inside
 * their model observation: the current observation tells the model call.
 */
final class SpringAiRetryListener implements RetryListener {

	private static final int MAX_CAUSES = 16;

	private final ModelCallRetries retries;

	private final ObservationRegistry observationRegistry;

	private final InstrumentationErrors errors;

	SpringAiRetryListener(ModelCallRetries retries, ObservationRegistry observationRegistry,
			InstrumentationErrors errors) {
		this.retries = retries;
		this.observationRegistry = observationRegistry;
		this.errors = errors.register(ChatComponents.MODEL_METRICS);
	}

	@Override
	public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
		this.errors.run(ChatComponents.MODEL_METRICS, this, retryState, SpringAiRetryListener::retried);
	}

	private void retried(RetryState state) {
		Observation current = this.observationRegistry.getCurrentObservation();
		Observation.ContextView call = ModelCallRetries.modelCall((current != null) ? current.getContext() : null);
		if (call != null) {
			this.retries.retried(call, reason(state.getLastException()));
		}
	}

	/**
	 * The reason of a failure as Spring AI's error handler raises it: a
	 * {@link TransientAiException} whose message starts with the HTTP status.
	 */
	static RetryReason reason(@Nullable Throwable error) {
		Throwable current = error;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			int status = (current instanceof TransientAiException) ? LeadingHttpStatus.of(current.getMessage()) : 0;
			if (status != 0) {
				return RetryReason.ofStatus(status);
			}
			current = current.getCause();
		}
		return RetryReason.of(error);
	}

}
