package io.llmobs.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.llmobs.chat.FinishReason;
import io.llmobs.core.Json;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Spring AI messages as the JSON of the GenAI semantic conventions:
 * {@code gen_ai.system_instructions} (an array of parts), {@code gen_ai.input.messages}
 * and {@code gen_ai.output.messages} (arrays of messages with a {@code role},
 * {@code parts} of type {@code text}, {@code tool_call} or {@code tool_call_response},
 * and a {@code finish_reason} on output messages). Every text goes through the given
 * function (redaction and truncation) first.
 */
final class GenAiMessages {

	private final UnaryOperator<String> content;

	/**
	 * Creates the converter.
	 * @param content what every text becomes before it is written
	 */
	GenAiMessages(UnaryOperator<String> content) {
		this.content = content;
	}

	/**
	 * The system messages as system instructions.
	 * @param messages the prompt's messages
	 * @return the JSON array of text parts, or {@code null} without system messages
	 */
	@Nullable String systemInstructions(List<Message> messages) {
		List<Object> parts = new ArrayList<>();
		for (Message message : messages) {
			if (message.getMessageType() == MessageType.SYSTEM) {
				text(parts, message.getText());
			}
		}
		return parts.isEmpty() ? null : Json.write(parts);
	}

	/**
	 * The other messages as the input messages.
	 * @param messages the prompt's messages
	 * @return the JSON array of messages, or {@code null} when there is none but system
	 * messages
	 */
	@Nullable String inputMessages(List<Message> messages) {
		List<Object> array = new ArrayList<>();
		for (Message message : messages) {
			MessageType type = message.getMessageType();
			if (type != MessageType.SYSTEM) {
				Map<String, Object> node = object(array);
				node.put("role", role(type));
				node.put("parts", parts(message));
			}
		}
		return array.isEmpty() ? null : Json.write(array);
	}

	/**
	 * The generations of a response as the output messages.
	 * @param response the model's response
	 * @return the JSON array of messages, or {@code null} without generations
	 */
	@Nullable String outputMessages(@Nullable ChatResponse response) {
		if (response == null || response.getResults().isEmpty()) {
			return null;
		}
		List<Object> array = new ArrayList<>();
		for (Generation generation : response.getResults()) {
			Map<String, Object> node = object(array);
			node.put("role", "assistant");
			node.put("parts", parts(generation.getOutput()));
			FinishReason reason = FinishReason.of(generation.getMetadata().getFinishReason());
			node.put("finish_reason", (reason != null) ? reason.value() : FinishReason.OTHER.value());
		}
		return Json.write(array);
	}

	private List<Object> parts(Message message) {
		List<Object> parts = new ArrayList<>();
		text(parts, message.getText());
		if (message instanceof AssistantMessage assistant) {
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				Map<String, Object> part = object(parts);
				part.put("type", "tool_call");
				part.put("id", call.id());
				part.put("name", call.name());
				part.put("arguments", json(call.arguments()));
			}
		}
		else if (message instanceof ToolResponseMessage tool) {
			for (ToolResponseMessage.ToolResponse response : tool.getResponses()) {
				Map<String, Object> part = object(parts);
				part.put("type", "tool_call_response");
				part.put("id", response.id());
				part.put("response", json(response.responseData()));
			}
		}
		return parts;
	}

	private void text(List<Object> parts, @Nullable String text) {
		if (text != null && !text.isEmpty()) {
			Map<String, Object> part = object(parts);
			part.put("type", "text");
			part.put("content", this.content.apply(text));
		}
	}

	private static Map<String, Object> object(List<Object> array) {
		Map<String, Object> object = new LinkedHashMap<>();
		array.add(object);
		return object;
	}

	/**
	 * Redacted JSON stays JSON where it still parses (a placeholder inside a string
	 * does), else it is a string.
	 */
	private @Nullable Object json(@Nullable String raw) {
		String redacted = this.content.apply((raw != null) ? raw : "");
		if (redacted.isBlank()) {
			return redacted;
		}
		try {
			return Json.read(redacted);
		}
		catch (IllegalArgumentException ex) {
			return redacted;
		}
	}

	private static String role(MessageType type) {
		return switch (type) {
			case USER -> "user";
			case ASSISTANT -> "assistant";
			case TOOL -> "tool";
			case SYSTEM -> "system";
		};
	}

}
