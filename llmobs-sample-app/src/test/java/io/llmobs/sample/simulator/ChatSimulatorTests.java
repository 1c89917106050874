package io.llmobs.sample.simulator;

import java.time.Duration;

import io.llmobs.sample.SampleProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link ChatSimulator}. */
class ChatSimulatorTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ChatSimulator simulator = new ChatSimulator(this.jsonMapper,
			new SampleProperties(new SampleProperties.Traffic(false, Duration.ofSeconds(2)),
					new SampleProperties.Simulator(1.0), new SampleProperties.Shipping(0),
					SampleProperties.Provider.OPENAI));

	@Test
	void classifiesWithOneWord() {
		ChatSimulator.Completion completion = complete("""
				{"model": "gpt-4o-mini", "messages": [
				  {"role": "system", "content": "Reply with exactly one category word."},
				  {"role": "user", "content": "My password does not work"}]}""");
		assertThat(completion.content()).isEqualTo("account");
		assertThat(completion.model()).isEqualTo("gpt-4o-mini-2024-07-18");
		assertThat(completion.finishReason()).isEqualTo("stop");
	}

	@Test
	void sameRequestSameAnswerAndLatency() {
		String request = """
				{"model": "gpt-4.1", "messages": [{"role": "user", "content": [{"type": "text", "text": "Hours?"}]}]}""";
		ChatSimulator.Completion first = complete(request);
		ChatSimulator.Completion second = complete(request);
		assertThat(second.content()).isEqualTo(first.content()).isNotBlank();
		assertThat(second.timeToFirstToken()).isEqualTo(first.timeToFirstToken())
			.isBetween(Duration.ofMillis(20), Duration.ofMillis(150));
		assertThat(first.model()).isEqualTo("gpt-4.1-2025-04-14");
	}

	@Test
	void repeatedSystemPromptIsCached() {
		String request = """
				{"model": "gpt-4o-mini", "messages": [
				  {"role": "system", "content": "You are a cache test with a fairly long system prompt."},
				  {"role": "user", "content": "%s"}]}""";
		assertThat(complete(request.formatted("one")).cachedTokens()).isZero();
		ChatSimulator.Completion second = complete(request.formatted("two"));
		// The system message as counted in the prompt: 4 + 12 tokens.
		assertThat(second.cachedTokens()).isEqualTo(16).isLessThan(second.promptTokens());
	}

	@Test
	void cachedPrefixIsEveryLeadingSystemMessage() {
		String request = """
				{"model": "gpt-4o-mini", "messages": [
				  {"role": "system", "content": "You are a cache test."},
				  {"role": "developer", "content": "Answer briefly."},
				  {"role": "user", "content": "%s"}]}""";
		complete(request.formatted("one"));
		ChatSimulator.Completion second = complete(request.formatted("two"));
		assertThat(second.cachedTokens())
			.isEqualTo(ChatSimulator.MESSAGE_OVERHEAD + ChatSimulator.promptTokens("You are a cache test.")
					+ ChatSimulator.MESSAGE_OVERHEAD + ChatSimulator.promptTokens("Answer briefly."));
		assertThat(second.promptTokens()).isEqualTo(second.cachedTokens() + ChatSimulator.MESSAGE_OVERHEAD
				+ ChatSimulator.promptTokens("two") + ChatSimulator.REPLY_PRIMING);
	}

	@Test
	void countsPromptTokensWithCl100kBase() {
		// The sample's triage prompt is 41 tokens in cl100k_base (40 in o200k_base,
		// llmobs' encoding of gpt-4o-mini), the question 9: 4 per message and 3 for the
		// reply make 3 + (4 + 41) + (4 + 9).
		ChatSimulator.Completion completion = complete("""
				{"model": "gpt-4o-mini", "messages": [
				  {"role": "system", "content": "You are the triage step of a customer support desk. Classify the \
				user's question into exactly one category: billing, shipping, technical, account or general. Reply \
				with that one lowercase word only."},
				  {"role": "user", "content": "Why was my invoice charged twice this month?"}]}""");
		assertThat(completion.promptTokens()).isEqualTo(61);
		assertThat(complete("""
				{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}]}""").promptTokens())
			.isEqualTo(3 + 4 + 1);
	}

	@Test
	void countsTheToolSchemasAsJson() {
		String tools = """
				[{"type": "function", "function": {"name": "weather", "description": "The current weather in a city",
				  "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]""";
		String request = """
				{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Weather in Rome"}]%s}""";
		ChatSimulator.Completion without = complete(request.formatted(""));
		ChatSimulator.Completion with = complete(request.formatted(", \"tools\": " + tools));
		int schemaTokens = ChatSimulator.promptTokens(this.jsonMapper.readTree(tools).toString());
		assertThat(schemaTokens).isGreaterThan(20);
		assertThat(with.promptTokens()).isEqualTo(without.promptTokens() + schemaTokens);
	}

	@Test
	void specialTokensInContentCountAsText() {
		assertThat(complete("""
				{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "<|endoftext|>"}]}""").promptTokens())
			.isEqualTo(3 + 4 + ChatSimulator.promptTokens("<|endoftext|>"))
			.isGreaterThan(3 + 4 + 1);
	}

	@Test
	void unknownModelIsEchoed() {
		assertThat(complete("""
				{"model": "my-model", "messages": [{"role": "user", "content": "hi"}]}""").model())
			.isEqualTo("my-model");
	}

	@Test
	void callsTheFirstToolWithArgumentsFromTheQuestion() {
		ChatSimulator.Completion completion = complete("""
				{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Weather in Rome"}],
				 "tools": [{"type": "function", "function": {"name": "weather", "parameters": {"type": "object",
				   "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}}}}]}""");
		assertThat(completion.finishReason()).isEqualTo("tool_calls");
		assertThat(completion.content()).isNull();
		assertThat(completion.toolCall().name()).isEqualTo("weather");
		JsonNode arguments = this.jsonMapper.readTree(completion.toolCall().arguments());
		assertThat(arguments.path("city").stringValue()).isEqualTo("Weather in Rome");
		assertThat(arguments.path("days").asInt()).isBetween(1, 9);
	}

	@Test
	void answersWithTheToolResult() {
		ChatSimulator.Completion completion = complete("""
				{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Weather in Rome"},
				  {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function",
				    "function": {"name": "weather", "arguments": "{}"}}]},
				  {"role": "tool", "tool_call_id": "c1", "content": "Rainy"}],
				 "tools": [{"type": "function", "function": {"name": "weather", "parameters": {}}}]}""");
		assertThat(completion.finishReason()).isEqualTo("stop");
		assertThat(completion.content()).contains("Rainy");
	}

	@Test
	void piecesKeepEveryCharacter() {
		String text = "One two three four.  Five six\nseven";
		assertThat(String.join("", ChatSimulator.pieces(text))).isEqualTo(text);
		assertThat(ChatSimulator.pieces(text)).hasSize(3);
	}

	private ChatSimulator.Completion complete(String request) {
		return this.simulator.complete(this.jsonMapper.readTree(request));
	}

}
