package io.llmobs.openai;

import java.io.IOException;

import io.llmobs.chat.ChatComponents;
import io.llmobs.chat.ModelCallRetries;
import io.llmobs.chat.RetryReason;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Counts the retries that the OpenAI or Anthropic SDK makes below Spring AI
 * ({@code spring.ai.openai.max-retries}, {@code spring.ai.anthropic.max-retries}): both
 * SDKs number each attempt of a request in the {@value #RETRY_COUNT} header, and an
 * attempt numbered 1 or more is a retry of the one before, whose failure this interceptor
 * kept on the model call's observation.
 */
final class RetriedAttempts implements Interceptor {

	/** The header in which both SDKs number the attempts of a request, from 0. */
	static final String RETRY_COUNT = "X-Stainless-Retry-Count";

	private final ModelCallRetries retries;

	private final StreamModelSpans streams;

	private final ObservationRegistry observationRegistry;

	private final InstrumentationErrors errors;

	/**
	 * Creates the interceptor.
	 * @param retries where retries are counted
	 * @param streams the streamed model calls in flight, by correlation id
	 * @param observationRegistry whose current observation is, or is inside, a plain
	 * model call
	 * @param errors where failures inside llmobs are reported
	 */
	RetriedAttempts(ModelCallRetries retries, StreamModelSpans streams, ObservationRegistry observationRegistry,
			InstrumentationErrors errors) {
		this.retries = retries;
		this.streams = streams;
		this.observationRegistry = observationRegistry;
		this.errors = errors.register(ChatComponents.MODEL_METRICS);
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		Observation.@Nullable Context call = modelCall(request);
		if (call == null) {
			return chain.proceed(request);
		}
		if (isRetry(request)) {
			RetryReason reason = call.get(RetryReason.class);
			this.errors.run(ChatComponents.MODEL_METRICS,
					() -> this.retries.retried(call, (reason != null) ? reason : RetryReason.OTHER));
		}
		try {
			Response response = chain.proceed(request);
			if (!response.isSuccessful()) {
				call.put(RetryReason.class, RetryReason.ofStatus(response.code()));
			}
			return response;
		}
		catch (IOException | RuntimeException ex) {
			call.put(RetryReason.class, RetryReason.of(ex));
			throw ex;
		}
	}

	/**
	 * The model call that sent the request: a stream's by the correlation id it carries
	 * (the SDKs send it from a thread of their own), or by the tag that replaced the id,
	 * else the one around the current observation.
	 */
	private Observation.@Nullable Context modelCall(Request request) {
		String id = request.header(StreamModelSpans.HEADER);
		Observation.Context stream = (id != null) ? this.streams.context(id)
				: request.tag(ChatModelObservationContext.class);
		if (stream != null) {
			return stream;
		}
		Observation current = this.observationRegistry.getCurrentObservation();
		return (current != null) ? ModelCallRetries.modelCall(current.getContext()) : null;
	}

	private static boolean isRetry(Request request) {
		String count = request.header(RETRY_COUNT);
		return count != null && !count.isEmpty() && !"0".equals(count);
	}

}
