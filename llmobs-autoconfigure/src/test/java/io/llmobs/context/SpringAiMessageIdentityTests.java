package io.llmobs.context;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the token counter's identity table relies on for its speed
 * ({@code docs/context.md}): a {@code ChatClient}'s default system text and the messages
 * of a chat memory reach the model as the same objects from call to call. If a Spring AI
 * upgrade changes that, the accounting stays right but pays a cache lookup per text
 * again.
 */
class SpringAiMessageIdentityTests {

	private static final String SYSTEM = "You are the support assistant of a parcel delivery company.";

	@Test
	void defaultSystemTextAndChatMemoryMessagesAreTheSameObjectsOnEveryCall() {
		List<Prompt> prompts = new ArrayList<>();
		ChatModel model = (prompt) -> {
			prompts.add(prompt);
			return new ChatResponse(List.of(new Generation(new AssistantMessage("Answer " + prompts.size()))));
		};
		ChatClient client = ChatClient.builder(model)
			.defaultSystem(SYSTEM)
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(MessageWindowChatMemory.builder().build()).build())
			.build();
		for (String question : List.of("Where is my parcel?", "And the second one?")) {
			client.prompt().user(question).advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "c-1")).call().content();
		}
		List<Message> first = prompts.get(0).getInstructions();
		List<Message> second = prompts.get(1).getInstructions();
		assertThat(first.get(0).getText()).isSameAs(SYSTEM);
		assertThat(second.get(0).getText()).isSameAs(SYSTEM);
		// The first call's question, then its answer, come back from the memory as the
		// same messages.
		assertThat(second.get(1)).isSameAs(first.get(1));
		assertThat(second.get(2).getText()).isEqualTo("Answer 1");
	}

}
