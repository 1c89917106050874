package io.llmobs.context;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.Document;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

import static io.llmobs.context.PromptSectionCounter.MESSAGE_OVERHEAD;
import static io.llmobs.context.PromptSectionCounter.REPLY_PRIMING;
import static io.llmobs.context.PromptSectionCounter.TOOLS_OVERHEAD;
import static io.llmobs.context.PromptSectionCounter.TOOL_OVERHEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section boundaries, with a counter that counts words so every expected figure can be
 * read off the test.
 */
class PromptSectionCounterTests {

	private static final PromptSectionCounter.Texts WORDS = new PromptSectionCounter.Texts() {

		@Override
		public long tokens(@Nullable String text, TokenCounter.Form form) {
			return words(text);
		}

		@Override
		public long tool(ToolDefinition tool) {
			return words(tool.name()) + words(tool.description()) + words(tool.inputSchema());
		}

	};

	@Test
	void splitsAnAgentTurnIntoSections() {
		String document = "Berlin zone two tariff";
		Prompt prompt = Prompt.builder()
			.messages(new SystemMessage("You quote shipping costs"), new UserMessage("Hello there"),
					new AssistantMessage("Hi how can I help"), new UserMessage("Price to Berlin? Context: " + document),
					AssistantMessage.builder()
						.toolCalls(List
							.of(new AssistantMessage.ToolCall("c1", "function", "quote", "{\"to\": \"Berlin\"}")))
						.build(),
					ToolResponseMessage.builder()
						.responses(List.of(new ToolResponseMessage.ToolResponse("c1", "quote", "7.49 EUR")))
						.build())
			.chatOptions(ToolCallingChatOptions.builder().toolCallbacks(new Tool("quote", "Quotes a parcel")).build())
			.build();

		SectionTokens sections = PromptSectionCounter.count(prompt, List.of(new Document(document)), WORDS);

		assertThat(sections.get(ContextSection.SYSTEM)).isEqualTo(4 + MESSAGE_OVERHEAD);
		assertThat(sections.get(ContextSection.HISTORY)).isEqualTo((2 + MESSAGE_OVERHEAD) + (5 + MESSAGE_OVERHEAD));
		assertThat(sections.get(ContextSection.RETRIEVED_DOCUMENTS)).isEqualTo(4);
		assertThat(sections.get(ContextSection.USER_INPUT)).as("without the document")
			.isEqualTo(4 + MESSAGE_OVERHEAD + REPLY_PRIMING);
		// the tool call: empty text, name and arguments; the response
		assertThat(sections.get(ContextSection.TOOL_RESULTS))
			.isEqualTo(MESSAGE_OVERHEAD + (MESSAGE_OVERHEAD + 1 + 2) + (MESSAGE_OVERHEAD + 2));
		assertThat(sections.get(ContextSection.TOOL_DEFINITIONS))
			.isEqualTo(TOOLS_OVERHEAD + TOOL_OVERHEAD + 1 + 3 + Tool.SCHEMA_WORDS);
		assertThat(sections.total()).isEqualTo(sections.asMap().values().stream().mapToLong(Long::longValue).sum());
	}

	@Test
	void eachToolResponseIsAMessageOfItsOwn() {
		Prompt prompt = new Prompt(List.of(new UserMessage("go"),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse("1", "a", "one two"),
							new ToolResponseMessage.ToolResponse("2", "b", "three")))
					.build()));
		SectionTokens sections = PromptSectionCounter.count(prompt, List.of(), WORDS);
		assertThat(sections.get(ContextSection.TOOL_RESULTS)).isEqualTo(2 * MESSAGE_OVERHEAD + 3);
	}

	@Test
	void retrievedDocumentsNeverExceedTheUserInputTheyWereMergedInto() {
		Prompt prompt = new Prompt(new UserMessage("short question"));
		SectionTokens sections = PromptSectionCounter.count(prompt,
				List.of(new Document("a long document that was not merged into the prompt at all")), WORDS);
		assertThat(sections.total()).isEqualTo(2 + MESSAGE_OVERHEAD + REPLY_PRIMING);
		assertThat(sections.get(ContextSection.USER_INPUT)).isZero();
	}

	@Test
	void promptWithoutToolsHasNoToolDefinitions() {
		SectionTokens sections = PromptSectionCounter.count(new Prompt("hi"), List.of(), WORDS);
		assertThat(sections.get(ContextSection.TOOL_DEFINITIONS)).isZero();
		assertThat(sections.get(ContextSection.USER_INPUT)).isEqualTo(1 + MESSAGE_OVERHEAD + REPLY_PRIMING);
	}

	private static long words(@Nullable String text) {
		return (text == null || text.isBlank()) ? 0 : text.trim().split("\\s+").length;
	}

	private record Tool(String name, String description) implements ToolCallback {

		static final String SCHEMA = "{ \"type\": \"object\" }";

		static final int SCHEMA_WORDS = 4;

		@Override
		public ToolDefinition getToolDefinition() {
			return ToolDefinition.builder().name(this.name).description(this.description).inputSchema(SCHEMA).build();
		}

		@Override
		public String call(String toolInput) {
			return "";
		}

	}

}
