package io.llmobs.sample.simulator;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of {@link AnthropicWire}. */
class AnthropicWireTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final AnthropicWire wire = new AnthropicWire(this.jsonMapper);

	@Test
	void toolUseAndToolResultBlocksBecomeAToolCallAndAToolMessage() {
		JsonNode chat = this.wire.chatRequest(this.jsonMapper.readTree("""
				{"model": "claude-haiku-4-5", "max_tokens": 1024,
				 "system": [{"type": "text", "text": "Quote prices."}],
				 "tools": [{"name": "lookup_rate", "description": "d", "input_schema": {"type": "object"}}],
				 "messages": [
				  {"role": "user", "content": "5 kg to Hanoi?"},
				  {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_1", "name": "lookup_rate",
				    "input": {"weightKg": 5}}]},
				  {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1",
				    "content": [{"type": "text", "text": "{\\"zone\\": 5}"}]}]}]}"""));
		assertThat(chat.path("messages").values()).extracting((m) -> m.path("role").asString())
			.containsExactly("system", "user", "assistant", "tool");
		assertThat(chat.at("/messages/0/content").asString()).isEqualTo("Quote prices.");
		assertThat(chat.at("/messages/2/tool_calls/0/function/name").asString()).isEqualTo("lookup_rate");
		assertThat(chat.at("/messages/2/tool_calls/0/function/arguments").asString()).isEqualTo("{\"weightKg\":5}");
		assertThat(chat.at("/messages/3/content").asString()).isEqualTo("{\"zone\": 5}");
		assertThat(chat.at("/tools/0/function/parameters/type").asString()).isEqualTo("object");
		assertThat(chat.path("max_tokens").asInt()).isEqualTo(1024);
	}

	@Test
	void usageReportsCachedTokensBesideTheInput() {
		JsonNode message = this.wire.message("msg_1", completion("Hello.", null, "length"));
		assertThat(message.at("/usage/input_tokens").asInt()).isEqualTo(70);
		assertThat(message.at("/usage/cache_read_input_tokens").asInt()).isEqualTo(30);
		assertThat(message.at("/usage/output_tokens").asInt()).isEqualTo(5);
		assertThat(message.path("stop_reason").asString()).isEqualTo("max_tokens");
	}

	@Test
	void streamsAToolCallAsOneBlockOfInputJson() {
		List<AnthropicWire.Event> events = this.wire.events("msg_1", completion(null,
				new ChatSimulator.ToolCall("toolu_1", "lookup_rate", "{\"weightKg\":5}"), "tool_calls"));
		assertThat(events).extracting(AnthropicWire.Event::name)
			.containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_stop",
					"message_delta", "message_stop");
		assertThat(events.get(1).data().at("/content_block/type").asString()).isEqualTo("tool_use");
		assertThat(events.get(2).data().at("/delta/partial_json").asString()).isEqualTo("{\"weightKg\":5}");
		assertThat(events.get(4).data().at("/delta/stop_reason").asString()).isEqualTo("tool_use");
		assertThat(events.get(4).data().at("/usage/cache_read_input_tokens").asInt()).isEqualTo(30);
	}

	private static ChatSimulator.Completion completion(String content, ChatSimulator.ToolCall toolCall,
			String finishReason) {
		return new ChatSimulator.Completion("claude-haiku-4-5-20251001", content, toolCall, finishReason, 100, 5, 30,
				Duration.ZERO, Duration.ZERO);
	}

}
