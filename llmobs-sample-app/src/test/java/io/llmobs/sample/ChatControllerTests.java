package io.llmobs.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.llmobs.sample.PrometheusScrape.increase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The multi-turn chat over REST: chat memory sends the history, llmobs lists the
 * conversation on the endpoint and records the history's share of the window without a
 * conversation label.
 */
@SimulatedSampleTest
class ChatControllerTests {

	private static final String CONVERSATION = "sample-chat-1";

	@Autowired
	private RestTestClient client;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void threeTurnsOfAConversationAreOneConversationOnTheEndpoint() {
		List<String> before = PrometheusScrape.lines(this.client);
		for (String question : new String[] { "Where is my parcel?", "And when will it arrive?",
				"Can I change the address?" }) {
			JsonNode reply = chat(question);
			assertThat(reply.path("conversation").asString()).isEqualTo(CONVERSATION);
			assertThat(reply.path("answer").asString()).isNotBlank();
			assertThat(reply.path("traceId").asString()).hasSize(32);
		}
		List<String> after = PrometheusScrape.lines(this.client);
		assertThat(increase(before, after, "llmobs_conversation_history_ratio_count", "stage", "chat")).isEqualTo(3);
		assertThat(after).noneMatch((line) -> line.contains(CONVERSATION));
		JsonNode conversations = SampleApi.llmobsEndpoint(this.client, this.jsonMapper).path("conversations");
		assertThat(conversations.path("costliest").values()).anySatisfy((conversation) -> {
			assertThat(conversation.path("id").asString()).isEqualTo(CONVERSATION);
			assertThat(conversation.path("turns").asInt()).isEqualTo(3);
			assertThat(conversation.path("costUsd").asDouble()).isPositive();
			assertThat(conversation.path("historyRatio").asDouble()).isPositive();
		});
	}

	private JsonNode chat(String question) {
		String body = this.client.get()
			.uri("/api/chat?conversation={c}&q={q}", CONVERSATION, question)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return this.jsonMapper.readTree(body);
	}

}
