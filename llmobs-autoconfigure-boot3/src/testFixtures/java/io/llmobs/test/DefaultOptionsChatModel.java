package io.llmobs.test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * A {@link ChatModel} with default options, which Spring AI 1.1's {@code ChatClient}
 * reads with {@link ChatModel#getDefaultOptions()} and copies into each request.
 */
abstract class DefaultOptionsChatModel implements ChatModel {

	private final ChatOptions options;

	DefaultOptionsChatModel(ChatOptions options) {
		this.options = options;
	}

	@Override
	public ChatOptions getDefaultOptions() {
		return this.options;
	}

}
