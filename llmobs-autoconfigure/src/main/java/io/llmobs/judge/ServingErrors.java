package io.llmobs.judge;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

import com.openai.errors.OpenAIServiceException;
import io.llmobs.context.ContextWindowExceededException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Tells apart, through a failed call's causes, the failures llmobs can name without a
 * judge: the provider's (rate limited, 5xx, timed out) and a prompt too large for the
 * model's context window.
 */
final class ServingErrors {

	private static final boolean OPENAI_PRESENT = ClassUtils.isPresent("com.openai.errors.OpenAIServiceException",
			ServingErrors.class.getClassLoader());

	private static final int MAX_CAUSES = 16;

	private ServingErrors() {
	}

	/** Whether the failure is the provider's: HTTP 429 or 5xx, or a time-out. */
	static boolean isServingBottleneck(@Nullable Throwable error) {
		Throwable current = error;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			if (current instanceof TimeoutException || current instanceof InterruptedIOException) {
				return true;
			}
			if (OPENAI_PRESENT && OpenAiErrors.isServingBottleneck(current)) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

	/**
	 * Whether the prompt did not fit the model's context window: refused by
	 * {@code llmobs.context.block-ratio} before it was sent, or by the provider
	 * ({@code context_length_exceeded}).
	 */
	static boolean isContextOverflow(@Nullable Throwable error) {
		Throwable current = error;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			if (current instanceof ContextWindowExceededException) {
				return true;
			}
			if (OPENAI_PRESENT && OpenAiErrors.isContextOverflow(current)) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

	/** Kept apart so that the OpenAI SDK is loaded only when it is present. */
	private static final class OpenAiErrors {

		private static final String CONTEXT_LENGTH_EXCEEDED = "context_length_exceeded";

		static boolean isServingBottleneck(Throwable error) {
			if (error instanceof OpenAIServiceException service) {
				int status = service.statusCode();
				return status == 429 || status >= 500;
			}
			return false;
		}

		static boolean isContextOverflow(Throwable error) {
			return error instanceof OpenAIServiceException service
					&& service.code().filter(CONTEXT_LENGTH_EXCEEDED::equals).isPresent();
		}

	}

}
