package io.llmobs.judge;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * Names the judge model on a {@code ChatClient} request; Spring AI 2's request takes an
 * options builder.
 */
final class JudgeModelOption {

	private JudgeModelOption() {
	}

	static ChatClient.ChatClientRequestSpec select(ChatClient.ChatClientRequestSpec spec, String model) {
		return spec.options(ChatOptions.builder().model(model));
	}

}
