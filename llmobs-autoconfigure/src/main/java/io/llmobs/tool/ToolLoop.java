package io.llmobs.tool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.llmobs.core.Json;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;

/**
 * The tool calls of one turn of a {@code ChatClient} call (everything after its last user
 * message), read from the conversation Spring AI hands to the tool-calling manager on
 * every round trip, so no state is kept between them: how many round trips asked for
 * tools, and how often each tool was called with the same arguments.
 */
final class ToolLoop {

	private final int maxIdenticalCalls;

	private final int toolRoundTrips;

	private final Map<String, Integer> calls = new HashMap<>();

	private ToolLoop(List<Message> turn, int maxIdenticalCalls) {
		this.maxIdenticalCalls = maxIdenticalCalls;
		int roundTrips = 0;
		for (Message message : turn) {
			if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
				roundTrips++;
				for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
					this.calls.merge(key(call.name(), call.arguments()), 1, Integer::sum);
				}
			}
		}
		this.toolRoundTrips = roundTrips;
	}

	/**
	 * The current turn of a conversation.
	 * @param history the conversation as Spring AI hands it to the manager
	 * @param maxIdenticalCalls identical calls allowed per turn
	 * @return the turn's tool calls so far
	 */
	static ToolLoop of(List<Message> history, int maxIdenticalCalls) {
		int start = 0;
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).getMessageType() == MessageType.USER) {
				start = i + 1;
				break;
			}
		}
		return new ToolLoop(history.subList(start, history.size()), maxIdenticalCalls);
	}

	/** Round trips of this turn before the current one that asked for tools. */
	int toolRoundTrips() {
		return this.toolRoundTrips;
	}

	/**
	 * Counts a call the model asks for now.
	 * @param tool the tool
	 * @param arguments its arguments, JSON
	 * @return whether the call is one identical call too many
	 */
	synchronized boolean tooManyIdentical(String tool, String arguments) {
		return this.calls.merge(key(tool, arguments), 1, Integer::sum) > this.maxIdenticalCalls;
	}

	private static String key(String tool, String arguments) {
		return tool + '\u0000' + canonical(arguments);
	}

	/**
	 * The arguments with sorted properties, so that arguments that differ only in order
	 * compare equal.
	 */
	private static String canonical(String arguments) {
		if (arguments == null || arguments.isBlank()) {
			return "{}";
		}
		try {
			return Json.writeSorted(Json.read(arguments));
		}
		catch (IllegalArgumentException ex) {
			return arguments.strip();
		}
	}

}
