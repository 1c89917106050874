package io.llmobs.capture;

import java.util.List;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SpanPresence;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Records the prompt and the completion on Spring AI's model-call spans when they stop
 * ({@code llmobs.capture.content}): {@code gen_ai.system_instructions},
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages}, every text redacted
 * and then cut at the capture limit. High-cardinality key values, so no metric gets them
 * as tags; with Micrometer Tracing on the class path, observations without a span are
 * left alone.
 */
final class ContentCaptureFilter implements ObservationFilter {

	/**
	 * Where content capture, PII counts and the redaction of Spring AI's content
	 * attributes report failures in {@code llmobs.instrumentation.errors}.
	 */
	static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("redaction");

	private final GenAiMessages messages;

	private final InstrumentationErrors errors;

	/**
	 * Creates the filter.
	 * @param redactor what every text goes through
	 * @param maxLength characters of each text kept after redaction
	 * @param errors where failures inside llmobs are reported
	 */
	ContentCaptureFilter(ContentRedactor redactor, int maxLength, InstrumentationErrors errors) {
		this.messages = new GenAiMessages((text) -> redactor.redact(text, maxLength));
		this.errors = errors.register(COMPONENT);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof ChatModelObservationContext modelContext && SpanPresence.hasSpan(context)) {
			this.errors.run(COMPONENT, this, modelContext, ContentCaptureFilter::capture);
		}
		return context;
	}

	private void capture(ChatModelObservationContext context) {
		List<Message> prompt = context.getRequest().getInstructions();
		put(context, ContentAttributes.SYSTEM_INSTRUCTIONS, this.messages.systemInstructions(prompt));
		put(context, ContentAttributes.INPUT_MESSAGES, this.messages.inputMessages(prompt));
		put(context, ContentAttributes.OUTPUT_MESSAGES, this.messages.outputMessages(context.getResponse()));
	}

	private static void put(Observation.Context context, String key, @Nullable String value) {
		if (value != null) {
			context.addHighCardinalityKeyValue(KeyValue.of(key, value));
		}
	}

}
