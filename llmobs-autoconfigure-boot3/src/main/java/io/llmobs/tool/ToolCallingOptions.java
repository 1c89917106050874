package io.llmobs.tool;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * What tool calling reads and changes in Spring AI 1.1's options and tool observations.
 */
final class ToolCallingOptions {

	private ToolCallingOptions() {
	}

	/**
	 * A copy of the options with other tools.
	 * @param options the request's options
	 * @param tools the tools of the copy
	 * @return the copy
	 */
	static ChatOptions withToolCallbacks(ToolCallingChatOptions options, List<ToolCallback> tools) {
		ToolCallingChatOptions copy = options.copy();
		copy.setToolCallbacks(tools);
		return copy;
	}

	/**
	 * The id the model gave the tool call: Spring AI 1.1's tool observation does not
	 * carry it.
	 * @param context the tool call's observation
	 * @return {@code null}
	 */
	static @Nullable String toolCallId(ToolCallingObservationContext context) {
		return null;
	}

}
