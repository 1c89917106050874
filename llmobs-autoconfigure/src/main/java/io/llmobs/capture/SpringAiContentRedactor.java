package io.llmobs.capture;

import java.util.List;

import io.llmobs.core.InstrumentationErrors;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.observation.ToolCallingObservationContext;
import org.springframework.util.ClassUtils;

/**
 * Redacts the content that Spring AI's own observations carry, so it does not bypass
 * redaction: the vector-store query text and filter (always added by Spring AI's
 * vector-store convention) and the tool-call arguments and result
 * ({@code spring.ai.tools.observations.include-content}). Must run after the filter that
 * adds them.
 */
final class SpringAiContentRedactor implements ObservationFilter {

	private static final List<String> CONTENT_KEYS = List.of(ContentAttributes.DB_VECTOR_QUERY_CONTENT,
			ContentAttributes.DB_VECTOR_QUERY_FILTER, ContentAttributes.SPRING_AI_TOOL_CALL_ARGUMENTS,
			ContentAttributes.SPRING_AI_TOOL_CALL_RESULT);

	/** Absent unless Spring AI's vector-store module is on the class path. */
	private static final @Nullable Class<?> VECTOR_STORE_CONTEXT = classIfPresent(
			"org.springframework.ai.vectorstore.observation.VectorStoreObservationContext");

	private final ContentRedactor redactor;

	private final InstrumentationErrors errors;

	/**
	 * Creates the filter.
	 * @param redactor the redactor
	 * @param errors where failures inside llmobs are reported
	 */
	SpringAiContentRedactor(ContentRedactor redactor, InstrumentationErrors errors) {
		this.redactor = redactor;
		this.errors = errors.register(ContentCaptureFilter.COMPONENT);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (!mayCarryContent(context)) {
			// Every observation of the application ends through this filter: most are
			// not Spring AI's and have none of the four keys to look up.
			return context;
		}
		try {
			for (String key : CONTENT_KEYS) {
				KeyValue keyValue = context.getHighCardinalityKeyValue(key);
				if (keyValue != null) {
					context.addHighCardinalityKeyValue(KeyValue.of(key, this.redactor.redact(keyValue.getValue())));
				}
			}
		}
		catch (RuntimeException ex) {
			// Leaving raw content behind is not an option: drop the values.
			CONTENT_KEYS.forEach((key) -> context.removeHighCardinalityKeyValue(key));
			this.errors.record(ContentCaptureFilter.COMPONENT, ex);
		}
		return context;
	}

	private static boolean mayCarryContent(Observation.Context context) {
		return context instanceof ToolCallingObservationContext
				|| (VECTOR_STORE_CONTEXT != null && VECTOR_STORE_CONTEXT.isInstance(context));
	}

	private static @Nullable Class<?> classIfPresent(String name) {
		ClassLoader loader = SpringAiContentRedactor.class.getClassLoader();
		return ClassUtils.isPresent(name, loader) ? ClassUtils.resolveClassName(name, loader) : null;
	}

}
