package io.llmobs.sample.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link OllamaWire}. */
class OllamaWireTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final OllamaWire wire = new OllamaWire(this.jsonMapper,
			Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void toolCallArgumentsAreObjectsOnTheWireAndStringsForTheSimulator() {
		JsonNode chat = this.wire.chatRequest(this.jsonMapper.readTree("""
				{"model": "llama3.2", "stream": false, "options": {"num_predict": 64},
				 "messages": [
				  {"role": "user", "content": "5 kg to Hanoi?"},
				  {"role": "assistant", "content": "", "tool_calls": [{"function": {"name": "lookup_rate",
				    "arguments": {"weightKg": 5}}}]},
				  {"role": "tool", "content": "{\\"zone\\": 5}", "tool_name": "lookup_rate"}]}"""));
		assertThat(chat.at("/messages/1/tool_calls/0/function/arguments").asString()).isEqualTo("{\"weightKg\":5}");
		assertThat(chat.at("/messages/2/role").asString()).isEqualTo("tool");
		assertThat(chat.path("max_tokens").asInt()).isEqualTo(64);
	}

	@Test
	void streamEndsWithADoneLineThatCarriesTheUsage() {
		List<ObjectNode> lines = this.wire.lines(new ChatSimulator.Completion("llama3.2", null,
				new ChatSimulator.ToolCall("call_1", "lookup_rate", "{\"weightKg\":5}"), "tool_calls", 100, 5, 30,
				Duration.ofMillis(20), Duration.ofMillis(3)));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).at("/message/tool_calls/0/function/arguments/weightKg").asInt()).isEqualTo(5);
		assertThat(lines.get(0).path("done").asBoolean()).isFalse();
		JsonNode done = lines.get(1);
		assertThat(done.path("done_reason").asString()).isEqualTo("stop");
		assertThat(done.path("prompt_eval_count").asInt()).as("cached tokens included, none named").isEqualTo(100);
		assertThat(done.path("eval_count").asInt()).isEqualTo(5);
		assertThat(done.path("created_at").asString()).isEqualTo("2026-12-03T12:00:00Z");
	}

}
