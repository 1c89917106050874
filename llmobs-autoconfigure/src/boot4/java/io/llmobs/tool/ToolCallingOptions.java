package io.llmobs.tool;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * What tool calling reads and changes in Spring AI 2's options and tool observations.
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
		return options.mutate().toolCallbacks(tools).build();
	}

	/**
	 * The id the model gave the tool call.
	 * @param context the tool call's observation
	 * @return the id, or {@code null} when unknown
	 */
	static @Nullable String toolCallId(ToolCallingObservationContext context) {
		return context.getToolCallId();
	}

}
