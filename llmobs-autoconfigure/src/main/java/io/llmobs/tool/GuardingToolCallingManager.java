package io.llmobs.tool;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Wraps the application's {@link ToolCallingManager}, the one Spring AI's tool-calling
 * advisor runs tools with, so that every tool it runs is guarded ({@code @Tool} methods,
 * function callbacks and MCP tools alike) and the loop is bounded: identical calls are
 * held back, and a {@code ChatClient} call that reaches
 * {@code llmobs.tools.max-iterations} model round trips ends with the model's last words
 * instead of running more tools.
 */
final class GuardingToolCallingManager implements ToolCallingManager {

	/**
	 * The answer of a stopped loop when the model said nothing beside its tool calls; the
	 * number of round trips.
	 */
	static final String STOPPED_MESSAGE = "I stopped after %d rounds of tool calls without reaching an answer.";

	private final ToolCallingManager delegate;

	private final ToolGuard guard;

	/**
	 * Wraps a manager.
	 * @param delegate the manager that runs the tools
	 * @param guard the guard to put them behind
	 */
	GuardingToolCallingManager(ToolCallingManager delegate, ToolGuard guard) {
		this.delegate = delegate;
		this.guard = guard;
	}

	@Override
	public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
		return this.delegate.resolveToolDefinitions(chatOptions);
	}

	@Override
	public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
		ToolLoop loop = this.guard.loop(prompt.getInstructions());
		int roundTrips = loop.toolRoundTrips() + 1;
		if (this.guard.isLastRoundTrip(roundTrips)) {
			AssistantMessage assistant = toolCalls(chatResponse);
			if (assistant != null) {
				this.guard.loopStopped(LoopStopReason.MAX_ITERATIONS);
				return stopped(prompt, assistant, roundTrips);
			}
		}
		return this.delegate.executeToolCalls(guarded(prompt, loop), chatResponse);
	}

	private Prompt guarded(Prompt prompt, ToolLoop loop) {
		if (!(prompt.getOptions() instanceof ToolCallingChatOptions options)) {
			return prompt;
		}
		List<ToolCallback> tools = options.getToolCallbacks();
		if (tools == null || tools.isEmpty()) {
			return prompt;
		}
		List<ToolCallback> guarded = tools.stream().map((tool) -> this.guard.decorate(tool, loop)).toList();
		return new Prompt(prompt.getInstructions(), ToolCallingOptions.withToolCallbacks(options, guarded));
	}

	/**
	 * Ends the loop the way Spring AI ends one with a direct-return tool: the advisor
	 * returns the last tool result as the answer, here the model's own words beside its
	 * tool calls, or a short statement.
	 */
	private static ToolExecutionResult stopped(Prompt prompt, AssistantMessage assistant, int roundTrips) {
		String text = assistant.getText();
		String answer = (text != null && !text.isBlank()) ? text : STOPPED_MESSAGE.formatted(roundTrips);
		AssistantMessage.ToolCall first = assistant.getToolCalls().get(0);
		List<Message> history = new ArrayList<>(prompt.getInstructions());
		history.add(assistant);
		history.add(ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse(first.id(), first.name(), answer)))
			.build());
		return ToolExecutionResult.builder().conversationHistory(history).returnDirect(true).build();
	}

	private static @Nullable AssistantMessage toolCalls(ChatResponse response) {
		for (Generation generation : response.getResults()) {
			if (generation.getOutput().hasToolCalls()) {
				return generation.getOutput();
			}
		}
		return null;
	}

}
