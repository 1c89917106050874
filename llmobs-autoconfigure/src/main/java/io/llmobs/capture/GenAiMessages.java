package io.llmobs.capture;

import java.util.List;
import java.util.function.UnaryOperator;

import io.llmobs.chat.FinishReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		ArrayNode parts = JSON.createArrayNode();
		for (Message message : messages) {
			if (message.getMessageType() == MessageType.SYSTEM) {
				text(parts, message.getText());
			}
		}
		return parts.isEmpty() ? null : parts.toString();
	}

	/**
	 * The other messages as the input messages.
	 * @param messages the prompt's messages
	 * @return the JSON array of messages, or {@code null} when there is none but system
	 * messages
	 */
	@Nullable String inputMessages(List<Message> messages) {
		ArrayNode array = JSON.createArrayNode();
		for (Message message : messages) {
			MessageType type = message.getMessageType();
			if (type != MessageType.SYSTEM) {
				ObjectNode node = array.addObject();
				node.put("role", role(type));
				parts(node.putArray("parts"), message);
			}
		}
		return array.isEmpty() ? null : array.toString();
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
		ArrayNode array = JSON.createArrayNode();
		for (Generation generation : response.getResults()) {
			ObjectNode node = array.addObject();
			node.put("role", "assistant");
			parts(node.putArray("parts"), generation.getOutput());
			FinishReason reason = FinishReason.of(generation.getMetadata().getFinishReason());
			node.put("finish_reason", (reason != null) ? reason.value() : FinishReason.OTHER.value());
		}
		return array.toString();
	}

	private void parts(ArrayNode parts, Message message) {
		text(parts, message.getText());
		if (message instanceof AssistantMessage assistant) {
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				ObjectNode part = parts.addObject();
				part.put("type", "tool_call");
				part.put("id", call.id());
				part.put("name", call.name());
				part.set("arguments", json(call.arguments()));
			}
		}
		else if (message instanceof ToolResponseMessage tool) {
			for (ToolResponseMessage.ToolResponse response : tool.getResponses()) {
				ObjectNode part = parts.addObject();
				part.put("type", "tool_call_response");
				part.put("id", response.id());
				part.set("response", json(response.responseData()));
			}
		}
	}

	private void text(ArrayNode parts, @Nullable String text) {
		if (text != null && !text.isEmpty()) {
			ObjectNode part = parts.addObject();
			part.put("type", "text");
			part.put("content", this.content.apply(text));
		}
	}

	/**
	 * Redacted JSON stays JSON where it still parses (a placeholder inside a string
	 * does), else it is a string.
	 */
	private JsonNode json(@Nullable String raw) {
		String redacted = this.content.apply((raw != null) ? raw : "");
		if (redacted.isBlank()) {
			return JSON.getNodeFactory().stringNode(redacted);
		}
		try {
			return JSON.readTree(redacted);
		}
		catch (JacksonException ex) {
			return JSON.getNodeFactory().stringNode(redacted);
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
