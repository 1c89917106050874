package io.llmobs.sample;

import java.util.List;

import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.sample.shipping.ProhibitedItemsGuardrail;
import io.llmobs.sample.shipping.ShippingQuoteAgent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** One round of the traffic generator's rotation populates every llmobs series. */
@SimulatedSampleTest
class TrafficGeneratorTests {

	@Autowired
	private QuestionPipeline pipeline;

	@Autowired
	private ShippingQuoteAgent agent;

	@Autowired
	private FeedbackRecorder feedback;

	@Autowired
	private SampleProperties properties;

	@Autowired
	private RestTestClient client;

	@Test
	void oneRotationShowsEverySeries() {
		TrafficGenerator generator = new TrafficGenerator(this.pipeline, this.agent, this.feedback, this.properties);
		for (int i = 0; i < TrafficGenerator.QUESTIONS.size(); i++) {
			generator.sendOne();
		}
		List<String> metrics = PrometheusScrape.lines(this.client)
			.stream()
			.filter((line) -> line.startsWith("llmobs_"))
			.toList();
		for (String tenant : TrafficGenerator.TENANTS) {
			assertThat(metrics).anyMatch(
					(line) -> line.startsWith("llmobs_cost_usd_total{") && line.contains("tenant=\"" + tenant + "\""));
		}
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_finish_reason_total{")
				&& line.contains("reason=\"length\"") && line.contains("stage=\"answer\""));
		assertThat(metrics)
			.anyMatch((line) -> line.startsWith("llmobs_tokens_total{") && line.contains("type=\"input\""));
		assertThat(metrics)
			.anyMatch((line) -> line.startsWith("llmobs_tokens_total{") && line.contains("type=\"output\""));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_chat_ttft_seconds_bucket{"));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_task_seconds_bucket{")
				&& line.contains("outcome=\"success\"") && line.contains("task=\"" + QuestionPipeline.TASK + "\""));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_task_cost_usd_count{"));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_task_seconds_bucket{")
				&& line.contains("outcome=\"success\"") && line.contains("task=\"" + ShippingQuoteAgent.TASK + "\""));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_tool_seconds_count{"));
		assertThat(metrics)
			.anyMatch((line) -> line.startsWith("llmobs_feedback_total{") && line.contains("outcome=\"edited\""));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_ttgo_seconds_count{"));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_guardrail_false_positive_total{")
				&& line.contains("guardrail=\"" + ProhibitedItemsGuardrail.NAME + "\"") && !line.endsWith(" 0.0"));
		assertThat(metrics).anyMatch((line) -> line.startsWith("llmobs_context_tokens_sum{")
				&& line.contains("section=\"retrieved_documents\""));
	}

}
