package io.llmobs.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.llmobs.sample.PrometheusScrape.increase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback over REST: the browser starts the trace of its question ({@code traceparent}),
 * then sends what the user did with the answer against that trace id.
 */
@SimulatedSampleTest
class FeedbackControllerTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Autowired
	private RestTestClient client;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void acceptedAnswerRecordsFeedbackAndTimeToGoodOutputOfTheAnswerStage() {
		List<String> before = PrometheusScrape.lines(this.client);
		this.client.get()
			.uri("/api/ask?q={q}", "Where is my package?")
			.header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(feedback(TRACE_ID, "accepted").path("known").asBoolean()).isTrue();
		assertThat(feedback(TRACE_ID, "thumbs-up").path("known").asBoolean()).isTrue();
		List<String> after = PrometheusScrape.lines(this.client);
		assertThat(increase(before, after, "llmobs_feedback_total", "outcome", "accepted", "stage", "answer"))
			.isEqualTo(1);
		assertThat(increase(before, after, "llmobs_feedback_total", "outcome", "thumbs_up", "stage", "answer"))
			.isEqualTo(1);
		assertThat(increase(before, after, "llmobs_ttgo_seconds_count", "stage", "answer")).isEqualTo(1);
	}

	@Test
	void unknownIdsAreCountedAndUnknownOutcomesRejected() {
		List<String> before = PrometheusScrape.lines(this.client);
		assertThat(feedback("0af7651916cd43dd8448eb211c80319c", "edited").path("known").asBoolean()).isFalse();
		List<String> after = PrometheusScrape.lines(this.client);
		assertThat(increase(before, after, "llmobs_feedback_unknown_total", "outcome", "edited")).isEqualTo(1);
		this.client.post()
			.uri("/api/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"id\":\"" + TRACE_ID + "\",\"outcome\":\"loved-it\"}")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void answerPromptIsARegistryPromptOnTheEndpoint() {
		this.client.get().uri("/api/ask?q={q}", "Why was my invoice charged twice?").exchange().expectStatus().isOk();
		JsonNode prompts = SampleApi.llmobsEndpoint(this.client, this.jsonMapper).path("prompts");
		assertThat(prompts.path("registry").values()).extracting((prompt) -> prompt.path("name").stringValue())
			.containsExactly("answer");
		String version = prompts.path("registry").get(0).path("version").stringValue();
		assertThat(prompts.path("calls").values()).anySatisfy((call) -> {
			assertThat(call.path("name").asString("")).isEqualTo("answer");
			assertThat(call.path("version").asString("")).isEqualTo(version);
		});
	}

	private JsonNode feedback(String id, String outcome) {
		String body = this.client.post()
			.uri("/api/feedback")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"id\":\"" + id + "\",\"outcome\":\"" + outcome + "\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return this.jsonMapper.readTree(body);
	}

}
