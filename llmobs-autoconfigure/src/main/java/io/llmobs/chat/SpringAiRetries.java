package io.llmobs.chat;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LeadingHttpStatus;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.retry.TransientAiException;

/**
 * Counts the retries of Spring AI's {@code RetryTemplate} ({@code spring.ai.retry.*}),
 * which the clients built on Spring's HTTP clients run inside their model observation:
 * the current observation tells the model call. The {@link SpringAiRetryListener} of each
 * Spring line tells it of each retry.
 */
final class SpringAiRetries {

	private static final int MAX_CAUSES = 16;

	private final ModelCallRetries retries;

	private final ObservationRegistry observationRegistry;

	private final InstrumentationErrors errors;

	SpringAiRetries(ModelCallRetries retries, ObservationRegistry observationRegistry, InstrumentationErrors errors) {
		this.retries = retries;
		this.observationRegistry = observationRegistry;
		this.errors = errors.register(ChatComponents.MODEL_METRICS);
	}

	/**
	 * Counts a retry of the current model call.
	 * @param lastError the failure of the attempt that is retried
	 */
	void retried(@Nullable Throwable lastError) {
		this.errors.run(ChatComponents.MODEL_METRICS, () -> count(lastError));
	}

	private void count(@Nullable Throwable lastError) {
		Observation current = this.observationRegistry.getCurrentObservation();
		Observation.ContextView call = ModelCallRetries.modelCall((current != null) ? current.getContext() : null);
		if (call != null) {
			this.retries.retried(call, reason(lastError));
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
