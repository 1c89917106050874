package io.llmobs.context;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.Document;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

import static io.llmobs.context.TokenCounter.Form.JSON;
import static io.llmobs.context.TokenCounter.Form.TEXT;

/**
 * Splits a prompt into its {@link ContextSection sections} and counts the tokens of each,
 * with the chat format's overhead: OpenAI's published rule of 3 tokens around every
 * message and 3 that prime the reply, and a few tokens around each tool schema, counted
 * as compact JSON. Other formats differ by a roughly constant factor, which the
 * calibration learns.
 * <p>
 * The current user message is the last one; messages before it are history, tool calls
 * and results after it are the current turn's tool results. Retrieved documents are
 * merged into the current user message by Spring AI's retrieval advisors, so their tokens
 * are moved from the user input to their own section.
 */
final class PromptSectionCounter {

	/** Tokens that frame each message: role and delimiters. */
	static final int MESSAGE_OVERHEAD = 3;

	/** Tokens that prime the assistant's reply, counted with the user input. */
	static final int REPLY_PRIMING = 3;

	/** Tokens that frame each tool definition. */
	static final int TOOL_OVERHEAD = 7;

	/** Tokens that frame the list of tool definitions. */
	static final int TOOLS_OVERHEAD = 12;

	private PromptSectionCounter() {
	}

	/**
	 * Counts the sections of a prompt.
	 * @param prompt the prompt as sent to the model
	 * @param documents the documents that were merged into its user message
	 * @param texts how texts are counted
	 * @return the tokens per section
	 */
	static SectionTokens count(Prompt prompt, List<Document> documents, Texts texts) {
		SectionTokens.Builder sections = new SectionTokens.Builder();
		List<Message> messages = prompt.getInstructions();
		int current = lastUserMessage(messages);
		for (int i = 0; i < messages.size(); i++) {
			Message message = messages.get(i);
			MessageType type = message.getMessageType();
			ContextSection section;
			if (type == MessageType.SYSTEM) {
				section = ContextSection.SYSTEM;
			}
			else if (i < current) {
				section = ContextSection.HISTORY;
			}
			else if (i == current) {
				section = ContextSection.USER_INPUT;
			}
			else {
				section = ContextSection.TOOL_RESULTS;
			}
			sections.add(section, tokens(message, texts));
		}
		sections.add(ContextSection.USER_INPUT, REPLY_PRIMING);
		toolDefinitions(prompt.getOptions(), texts, sections);
		for (Document document : documents) {
			String text = document.getText();
			if (text != null) {
				sections.move(ContextSection.USER_INPUT, ContextSection.RETRIEVED_DOCUMENTS, texts.tokens(text, TEXT));
			}
		}
		return sections.build();
	}

	private static int lastUserMessage(List<Message> messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (messages.get(i).getMessageType() == MessageType.USER) {
				return i;
			}
		}
		return -1;
	}

	private static long tokens(Message message, Texts texts) {
		if (message instanceof ToolResponseMessage toolResponses) {
			long tokens = 0;
			for (ToolResponseMessage.ToolResponse response : toolResponses.getResponses()) {
				// Each response travels as a message of its own.
				tokens += MESSAGE_OVERHEAD + texts.tokens(response.responseData(), TEXT);
			}
			return tokens;
		}
		long tokens = MESSAGE_OVERHEAD + texts.tokens(message.getText(), TEXT);
		if (message instanceof AssistantMessage assistant) {
			for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
				tokens += MESSAGE_OVERHEAD + texts.tokens(call.name(), TEXT) + texts.tokens(call.arguments(), JSON);
			}
		}
		return tokens;
	}

	private static void toolDefinitions(@Nullable ChatOptions options, Texts texts, SectionTokens.Builder sections) {
		if (!(options instanceof ToolCallingChatOptions toolOptions)) {
			return;
		}
		// Null despite the contract in some providers' options.
		@Nullable List<ToolCallback> callbacks = toolOptions.getToolCallbacks();
		if (callbacks == null || callbacks.isEmpty()) {
			return;
		}
		long tokens = TOOLS_OVERHEAD;
		for (ToolCallback callback : callbacks) {
			tokens += TOOL_OVERHEAD + texts.tool(callback.getToolDefinition());
		}
		sections.add(ContextSection.TOOL_DEFINITIONS, tokens);
	}

	/**
	 * How the texts of a prompt are counted: exactly, or from the cache with estimates
	 * for new texts.
	 */
	interface Texts {

		/**
		 * The tokens of a text.
		 * @param text the text, or {@code null}
		 * @param form how the text travels to the provider
		 * @return its tokens, 0 for {@code null}
		 */
		long tokens(@Nullable String text, TokenCounter.Form form);

		/**
		 * The tokens of a tool definition: its name, description and schema as compact
		 * JSON.
		 * @param tool the definition
		 * @return its tokens
		 */
		long tool(ToolDefinition tool);

	}

}
