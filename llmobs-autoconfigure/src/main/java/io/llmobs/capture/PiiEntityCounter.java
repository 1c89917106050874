package io.llmobs.capture;

import java.util.List;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.RecentByIdentity;
import io.llmobs.redact.PiiDirection;
import io.llmobs.redact.PiiEntity;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Counts the PII of every model round trip in
 * {@code llmobs.pii.entities{type,direction}}, whether content is captured or not. Each
 * message is counted once: inputs are the messages after the prompt's last assistant
 * message (what is new in this round trip: the user's message and the system prompt of a
 * first call, or the tool results of a tool-loop iteration), outputs the generations'
 * text and tool-call arguments.
 * <p>
 * A text that comes again as the same object, such as a chat client's default system text
 * on every call, is counted again from its findings (types and positions, no content),
 * not scanned again.
 */
final class PiiEntityCounter implements ObservationHandler<ChatModelObservationContext> {

	/** Texts whose findings are remembered by identity. */
	static final int RECENT_SLOTS = 1024;

	private final PiiScanner scanner;

	private final PiiMeters meters;

	private final int maxScanLength;

	private final InstrumentationErrors errors;

	private final RecentByIdentity<List<PiiEntity>> recent = new RecentByIdentity<>(RECENT_SLOTS);

	/**
	 * Creates the handler.
	 * @param scanner the scanner
	 * @param meters the counters
	 * @param maxScanLength characters of each message scanned at most
	 * @param errors where failures inside llmobs are reported
	 */
	PiiEntityCounter(PiiScanner scanner, PiiMeters meters, int maxScanLength, InstrumentationErrors errors) {
		this.scanner = scanner;
		this.meters = meters;
		this.maxScanLength = maxScanLength;
		this.errors = errors.register(ContentCaptureFilter.COMPONENT);
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		this.errors.run(ContentCaptureFilter.COMPONENT, this, context, PiiEntityCounter::countEntities);
	}

	private void countEntities(ChatModelObservationContext context) {
		List<Message> prompt = context.getRequest().getInstructions();
		int first = 0;
		for (int i = prompt.size() - 1; i >= 0; i--) {
			if (prompt.get(i).getMessageType() == MessageType.ASSISTANT) {
				first = i + 1;
				break;
			}
		}
		for (Message message : prompt.subList(first, prompt.size())) {
			count(message.getText(), PiiDirection.INPUT);
			if (message instanceof ToolResponseMessage tool) {
				tool.getResponses().forEach((response) -> count(response.responseData(), PiiDirection.INPUT));
			}
		}
		ChatResponse response = context.getResponse();
		if (response != null) {
			for (Generation generation : response.getResults()) {
				AssistantMessage output = generation.getOutput();
				count(output.getText(), PiiDirection.OUTPUT);
				output.getToolCalls().forEach((call) -> count(call.arguments(), PiiDirection.OUTPUT));
			}
		}
	}

	private void count(@Nullable String text, PiiDirection direction) {
		if (text != null && !text.isEmpty()) {
			List<PiiEntity> entities = this.recent.get(text);
			if (entities == null) {
				entities = List.copyOf(ContentRedactor.scan(this.scanner, text, this.maxScanLength));
				this.recent.put(text, entities);
			}
			this.meters.record(entities, direction);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

}
