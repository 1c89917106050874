package io.llmobs.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the pipeline's REST API, then what llmobs shows on the actuator endpoints.
 */
@SimulatedSampleTest
class LlmObsSampleApplicationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void askClassifiesAndAnswersWithItsCost() {
		Answer answer = ask("Why was my invoice charged twice?", "acme");
		assertThat(answer.category()).isEqualTo("billing");
		assertThat(answer.answer()).contains("bill");
		assertThat(answer.costUsd()).isPositive();
	}

	@Test
	void streamSendsChunksThenTheWholeAnswer() {
		String events = askStreaming("Where is my package?", "globex");
		List<String> chunks = events.lines()
			.filter((line) -> line.startsWith("data:{\"text\""))
			.map((line) -> this.jsonMapper.readTree(line.substring(5)).path("text").stringValue())
			.toList();
		assertThat(chunks).hasSizeGreaterThan(1);
		String done = events.lines().dropWhile((line) -> !line.equals("event:done")).skip(1).findFirst().orElseThrow();
		Answer answer = this.jsonMapper.readValue(done.substring(5), Answer.class);
		assertThat(answer.category()).isEqualTo("shipping");
		assertThat(answer.answer()).isEqualTo(String.join("", chunks));
		assertThat(answer.costUsd()).isPositive();
	}

	@Test
	void pipelineCallsShowOnPrometheus() {
		ask("The app crashes with an error when I upload a file", "initech");
		askStreaming("How do I reset my password?", "initech");
		List<String> metrics = PrometheusScrape.lines(this.client);
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_chat_seconds_bucket{")
				&& line.contains("stage=\"classify\"") && line.contains("tenant=\"initech\""));
		assertThat(metrics)
			.anyMatch((line) -> line.startsWith("llmobs_chat_seconds_bucket{") && line.contains("stage=\"answer\""));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_tokens_total{"));
		assertThat(metrics)
			.anyMatch((line) -> line.startsWith("llmobs_cost_usd_total{model=\"gpt-4o-mini-2024-07-18\""));
		assertThat(metrics).anyMatch(
				(line) -> line.startsWith("llmobs_chat_ttft_seconds_count{") && line.contains("stage=\"answer\""));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_task_cost_usd_count{")
				&& line.contains("task=\"" + QuestionPipeline.TASK + "\""));
	}

	@Test
	void llmObsEndpointShowsTheCatalogAndTheCost() {
		ask("What are your opening hours?", "acme");
		JsonNode llmobs = SampleApi.llmobsEndpoint(this.client, this.jsonMapper);
		assertThat(llmobs.path("catalog").path("models").values()).extracting(JsonNode::stringValue)
			.contains("gpt-4o-mini");
		assertThat(llmobs.path("cost").path("totalUsd").asDouble()).isPositive();
	}

	private Answer ask(String question, String tenant) {
		return this.client.get()
			.uri("/api/ask?q={q}&tenant={tenant}", question, tenant)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Answer.class)
			.getResponseBody();
	}

	private String askStreaming(String question, String tenant) {
		return this.client.get()
			.uri("/api/ask/stream?q={q}&tenant={tenant}", question, tenant)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

}
