package io.llmobs.judge;

import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import com.google.genai.errors.ApiException;
import com.openai.errors.OpenAIServiceException;
import io.llmobs.context.ContextWindowExceededException;
import io.llmobs.core.LeadingHttpStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Tells apart, through a failed call's causes, the failures llmobs can name without a
 * judge: the provider's (rate limited, 5xx, timed out) and a prompt too large for the
 * model's context window.
 */
final class ServingErrors {

	private static final boolean OPENAI_PRESENT = ClassUtils.isPresent("com.openai.errors.OpenAIServiceException",
			ServingErrors.class.getClassLoader());

	private static final boolean ANTHROPIC_PRESENT = ClassUtils
		.isPresent("com.anthropic.errors.AnthropicServiceException", ServingErrors.class.getClassLoader());

	private static final boolean GOOGLE_GENAI_PRESENT = ClassUtils.isPresent("com.google.genai.errors.ApiException",
			ServingErrors.class.getClassLoader());

	private static final boolean SPRING_AI_RETRY_PRESENT = ClassUtils
		.isPresent("org.springframework.ai.retry.TransientAiException", ServingErrors.class.getClassLoader());

	private static final boolean WEB_CLIENT_PRESENT = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClientResponseException",
			ServingErrors.class.getClassLoader());

	private static final boolean REST_CLIENT_PRESENT = ClassUtils
		.isPresent("org.springframework.web.client.RestClientResponseException", ServingErrors.class.getClassLoader());

	private static final int TOO_MANY_REQUESTS = 429;

	private static final int MAX_CAUSES = 16;

	private ServingErrors() {
	}

	/**
	 * Whether the failure is the provider's: HTTP 429 or 5xx, or a time-out, as any of
	 * the provider clients raises it.
	 */
	static boolean isServingBottleneck(@Nullable Throwable error) {
		Throwable current = error;
		for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
			if (current instanceof TimeoutException || current instanceof InterruptedIOException
					|| current instanceof HttpTimeoutException) {
				return true;
			}
			if (isServingStatus(status(current))) {
				return true;
			}
			current = current.getCause();
		}
		return false;
	}

	private static boolean isServingStatus(int status) {
		return status == TOO_MANY_REQUESTS || status >= 500;
	}

	/**
	 * The HTTP status of a provider's error, as each client raises it: the OpenAI,
	 * Anthropic and Google GenAI SDKs' service exceptions, Spring AI's exceptions for the
	 * clients built on Spring's HTTP clients (Ollama), and Spring's reactive client's.
	 * @return the status, 0 when the error carries none
	 */
	private static int status(Throwable error) {
		if (OPENAI_PRESENT && error instanceof OpenAIServiceException openAi) {
			return openAi.statusCode();
		}
		if (ANTHROPIC_PRESENT && AnthropicErrors.is(error)) {
			return AnthropicErrors.status(error);
		}
		if (GOOGLE_GENAI_PRESENT && GoogleGenAiErrors.is(error)) {
			return GoogleGenAiErrors.status(error);
		}
		if (SPRING_AI_RETRY_PRESENT && SpringAiErrors.is(error)) {
			return SpringAiErrors.status(error);
		}
		if (WEB_CLIENT_PRESENT && WebClientErrors.is(error)) {
			return WebClientErrors.status(error);
		}
		if (REST_CLIENT_PRESENT && RestClientErrors.is(error)) {
			return RestClientErrors.status(error);
		}
		return 0;
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

		static boolean isContextOverflow(Throwable error) {
			return error instanceof OpenAIServiceException service
					&& service.code().filter(CONTEXT_LENGTH_EXCEEDED::equals).isPresent();
		}

	}

	/** Kept apart so that the Google GenAI SDK is loaded only when it is present. */
	private static final class GoogleGenAiErrors {

		static boolean is(Throwable error) {
			return error instanceof ApiException;
		}

		static int status(Throwable error) {
			return ((ApiException) error).code();
		}

	}

	/**
	 * Spring AI's response error handler raises a 5xx as a {@link TransientAiException}
	 * and a 4xx as a {@link NonTransientAiException}, the status leading the message
	 * ({@code "429 - ..."}).
	 */
	private static final class SpringAiErrors {

		static boolean is(Throwable error) {
			return error instanceof TransientAiException || error instanceof NonTransientAiException;
		}

		static int status(Throwable error) {
			int status = LeadingHttpStatus.of(error.getMessage());
			if (status != 0) {
				return status;
			}
			return (error instanceof TransientAiException) ? 503 : 0;
		}

	}

	/** Kept apart so that Spring's reactive web client is loaded only when present. */
	private static final class WebClientErrors {

		static boolean is(Throwable error) {
			return error instanceof WebClientResponseException;
		}

		static int status(Throwable error) {
			return ((WebClientResponseException) error).getStatusCode().value();
		}

	}

	/** Kept apart so that Spring's web client classes are loaded only when present. */
	private static final class RestClientErrors {

		static boolean is(Throwable error) {
			return error instanceof RestClientResponseException;
		}

		static int status(Throwable error) {
			return ((RestClientResponseException) error).getStatusCode().value();
		}

	}

}
