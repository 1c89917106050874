package io.llmobs.tool;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;

import static org.assertj.core.api.Assertions.assertThat;

class ToolLoopTests {

	@Test
	void countsOnlyTheCurrentTurn() {
		List<Message> history = List.of(new UserMessage("earlier question"), call("quote", "{\"to\":\"Berlin\"}"),
				response(), new AssistantMessage("earlier answer"), new UserMessage("now"),
				call("quote", "{\"to\":\"Berlin\"}"), response());
		ToolLoop loop = ToolLoop.of(history, 2);
		assertThat(loop.toolRoundTrips()).isOne();
		assertThat(loop.tooManyIdentical("quote", "{\"to\":\"Berlin\"}")).as("second in this turn").isFalse();
		assertThat(loop.tooManyIdentical("quote", "{\"to\":\"Berlin\"}")).as("third").isTrue();
	}

	@Test
	void argumentsCompareAsCanonicalJson() {
		ToolLoop loop = ToolLoop.of(List.of(new UserMessage("go"), call("quote", "{\"to\":\"Berlin\",\"kg\":2}")), 1);
		assertThat(loop.tooManyIdentical("quote", "{ \"kg\" : 2, \"to\" : \"Berlin\" }")).isTrue();
		assertThat(loop.tooManyIdentical("quote", "{\"to\":\"Munich\",\"kg\":2}")).isFalse();
		assertThat(loop.tooManyIdentical("other", "{\"to\":\"Berlin\",\"kg\":2}")).as("per tool").isFalse();
	}

	@Test
	void argumentsThatAreNoJsonCompareAsText() {
		ToolLoop loop = ToolLoop.of(List.of(new UserMessage("go")), 1);
		assertThat(loop.tooManyIdentical("echo", "not json")).isFalse();
		assertThat(loop.tooManyIdentical("echo", " not json ")).isTrue();
		assertThat(loop.tooManyIdentical("ping", "")).isFalse();
		assertThat(loop.tooManyIdentical("ping", "{}")).as("empty arguments are {}").isTrue();
	}

	private static AssistantMessage call(String tool, String arguments) {
		return AssistantMessage.builder()
			.toolCalls(List.of(new AssistantMessage.ToolCall("id", "function", tool, arguments)))
			.build();
	}

	private static ToolResponseMessage response() {
		return ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("id", "quote", "7.49 EUR")))
			.build();
	}

}
