package io.llmobs.tool;

import java.util.List;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Wraps the application's {@link ToolCallingManager}, the one Spring AI's tool-calling advisor runs tools with, so
 * that every tool it runs is guarded: {@code @Tool} methods, function callbacks and MCP tools alike.
 */
public final class GuardingToolCallingManager implements ToolCallingManager {

	private final ToolCallingManager delegate;

	private final ToolGuard guard;

	/**
	 * Wraps a manager.
	 * @param delegate the manager that runs the tools
	 * @param guard the guard to put them behind
	 */
	public GuardingToolCallingManager(ToolCallingManager delegate, ToolGuard guard) {
		this.delegate = delegate;
		this.guard = guard;
	}

	@Override
	public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
		return this.delegate.resolveToolDefinitions(chatOptions);
	}

	@Override
	public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
		return this.delegate.executeToolCalls(guarded(prompt), chatResponse);
	}

	private Prompt guarded(Prompt prompt) {
		if (!(prompt.getOptions() instanceof ToolCallingChatOptions options)) {
			return prompt;
		}
		List<ToolCallback> tools = options.getToolCallbacks();
		if (tools == null || tools.isEmpty()) {
			return prompt;
		}
		List<ToolCallback> guarded = tools.stream().map(this.guard::guard).toList();
		return new Prompt(prompt.getInstructions(), options.mutate().toolCallbacks(guarded).build());
	}

}
