package io.llmobs.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.llmobs.sample.PrometheusScrape.increase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The context-window accounting in the running sample: the sections and utilization of
 * every model call on Prometheus, and the calibration on {@code /actuator/llmobs}. The
 * simulator counts prompts like a provider whose tokenizer differs from llmobs' estimate
 * ({@code cl100k_base} and 4 tokens per message, where llmobs estimates
 * {@code gpt-4o-mini} with {@code o200k_base} and 3), so the calibration has a difference
 * to learn.
 */
@SimulatedSampleTest
class ContextAccountingTests {

	/** The model tag: the snapshot that answered. */
	private static final String MODEL = "gpt-4o-mini-2024-07-18";

	/** The calibration is kept per requested model. */
	private static final String REQUESTED_MODEL = "gpt-4o-mini";

	/** The context window of {@code gpt-4o-mini} in the bundled catalog. */
	private static final double WINDOW = 128_000;

	private static final List<String> STAGES = List.of("classify", "answer");

	private static final List<String> TENANTS = List.of("acme", "globex", "initech", "umbrella", "hooli");

	/** Asked after the warm-up; none of them is asked anywhere else. */
	private static final List<String> QUESTIONS = List.of("My subscription renewed although I cancelled it in May.",
			"The courier says the parcel was delivered but nothing is at my door.",
			"Uploading a 40 MB video fails with error 413, is there a size limit?",
			"How can I change the email address on my account?",
			"You charged me in euros instead of dollars, can you fix the invoice?",
			"Is it possible to ship to a PO box in Canada?",
			"After the last update the app crashes on start on my Android 14 phone.",
			"I cannot log in since I enabled two-factor authentication and lost my phone.",
			"Do you offer a discount for non-profit organisations?",
			"Why does the API return 429 Too Many Requests when I send only ten calls a minute?");

	/** The largest absolute relative error of a calibrated estimate after the warm-up. */
	private static final double MAX_ERROR = 0.03;

	@Autowired
	private RestTestClient client;

	@Autowired
	private JsonMapper jsonMapper;

	/**
	 * Sends the traffic generator's questions, for several tenants, then waits until the
	 * background tokenizer has caught up and at least one call was learned from (calls
	 * answered before their texts were tokenized are not).
	 */
	@BeforeEach
	void warmUp() {
		for (int i = 0; i < TrafficGenerator.QUESTIONS.size(); i++) {
			ask(TrafficGenerator.QUESTIONS.get(i), TENANTS.get(i % TENANTS.size()));
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode context = context();
			assertThat(context.path("cache").path("pending").asInt()).isZero();
			assertThat(calibration(context).path("samples").asLong()).isPositive();
		});
	}

	@Test
	void sectionsAndUtilizationShowOnPrometheus() {
		List<String> metrics = PrometheusScrape.lines(this.client);
		for (String stage : STAGES) {
			assertThat(sectionTokens(metrics, stage, "system")).as("system tokens of %s", stage).isPositive();
			assertThat(sectionTokens(metrics, stage, "user_input")).as("user_input tokens of %s", stage).isPositive();
			// The pipeline sends a system prompt and one question: no history, documents
			// or tools.
			for (String section : List.of("history", "retrieved_documents", "tool_definitions", "tool_results")) {
				assertThat(sectionTokens(metrics, stage, section)).as("%s tokens of %s", section, stage).isZero();
			}
			double calls = PrometheusScrape.sum(metrics, "llmobs_context_utilization_count", "model", MODEL, "stage",
					stage);
			assertThat(calls).as("utilization count of %s", stage).isPositive();
			assertThat(calls).isEqualTo(PrometheusScrape.sum(metrics, "llmobs_context_tokens_count", "model", MODEL,
					"stage", stage, "section", "system"));
			// Each call's utilization is its estimated tokens over the model's window.
			double tokens = PrometheusScrape.sum(metrics, "llmobs_context_tokens_sum", "model", MODEL, "stage", stage);
			assertThat(PrometheusScrape.sum(metrics, "llmobs_context_utilization_sum", "model", MODEL, "stage", stage))
				.isCloseTo(tokens / WINDOW, within(1e-9));
			assertThat(PrometheusScrape.sum(metrics, "llmobs_context_threshold_exceeded_total", "model", MODEL, "stage",
					stage))
				.isZero();
		}
		assertThat(PrometheusScrape.sum(metrics, "llmobs_context_window_unknown_total", "model", MODEL)).isZero();
		JsonNode usage = context().path("usage");
		assertThat(usage.values()).filteredOn((entry) -> MODEL.equals(entry.path("model").stringValue()))
			.extracting((entry) -> entry.path("stage").stringValue())
			.containsAll(STAGES);
	}

	/**
	 * Measures the calibrated estimate over the calls after the warm-up: the mean error
	 * from the deltas of {@code llmobs_context_estimate_error_sum} and {@code _count}
	 * (its {@code _max} is a time-windowed gauge that still holds the warm-up's errors),
	 * and each call's error from the deltas of its stage's section tokens (the published
	 * estimate) and reported input tokens, scraped after every question.
	 */
	@Test
	void calibratedEstimateIsWithinThreePercentAfterWarmUp() {
		JsonNode warm = calibration(context());
		assertThat(warm.path("encoding").stringValue()).isEqualTo("o200k_base");
		assertThat(warm.path("samples").asLong()).isPositive();
		// cl100k_base and 4 tokens per message count more than o200k_base and 3.
		assertThat(warm.path("factor").asDouble()).isGreaterThan(1.0);

		List<String> before = PrometheusScrape.lines(this.client);
		List<String> previous = before;
		List<Double> learnedErrors = new ArrayList<>();
		for (int i = 0; i < QUESTIONS.size(); i++) {
			ask(QUESTIONS.get(i), TENANTS.get(i % TENANTS.size()));
			List<String> current = PrometheusScrape.lines(this.client);
			List<Double> errors = new ArrayList<>();
			for (String stage : STAGES) {
				assertThat(
						increase(previous, current, "llmobs_context_utilization_count", "model", MODEL, "stage", stage))
					.as("%s calls accounted for", stage)
					.isEqualTo(1);
				double estimate = increase(previous, current, "llmobs_context_tokens_sum", "model", MODEL, "stage",
						stage);
				double reported = increase(previous, current, "llmobs_tokens_total", "model", MODEL, "stage", stage,
						"type", "input");
				assertThat(reported).as("%s input tokens", stage).isPositive();
				errors.add(Math.abs(estimate - reported) / reported);
			}
			learnedErrors.addAll(
					learned(errors, increase(previous, current, "llmobs_context_estimate_error_count", "model", MODEL),
							increase(previous, current, "llmobs_context_estimate_error_sum", "model", MODEL)));
			previous = current;
		}

		double count = increase(before, previous, "llmobs_context_estimate_error_count", "model", MODEL);
		double sum = increase(before, previous, "llmobs_context_estimate_error_sum", "model", MODEL);
		assertThat(count).as("calls learned from after the warm-up").isPositive();
		assertThat(sum / count).as("mean calibrated error after the warm-up").isLessThanOrEqualTo(MAX_ERROR);
		assertThat(learnedErrors).hasSize((int) count)
			.allSatisfy((error) -> assertThat(error).as("calibrated error of a call").isLessThanOrEqualTo(MAX_ERROR));

		JsonNode calibrated = calibration(context());
		assertThat(calibrated.path("samples").asLong()).isEqualTo(warm.path("samples").asLong() + (long) count);
		assertThat(calibrated.path("factor").asDouble()).isGreaterThan(1.0);
		assertThat(calibrated.path("correctedError").asDouble()).isLessThanOrEqualTo(MAX_ERROR)
			.isLessThan(calibrated.path("uncorrectedError").asDouble());
	}

	/**
	 * The errors of the calls of one question that were learned from: calls answered
	 * before their texts were tokenized are provisional and left out of the calibration
	 * and its error meter.
	 * @param errors the error of each call's published estimate
	 * @param count how many errors the meter recorded
	 * @param sum their sum
	 * @return the errors that the meter recorded
	 */
	private static List<Double> learned(List<Double> errors, double count, double sum) {
		if (count == errors.size()) {
			assertThat(sum).as("recorded errors")
				.isCloseTo(errors.stream().mapToDouble(Double::doubleValue).sum(), within(1e-9));
			return errors;
		}
		if (count == 0) {
			return List.of();
		}
		assertThat(count).isEqualTo(1);
		Double error = errors.stream().filter((candidate) -> Math.abs(candidate - sum) < 1e-9).findFirst().orElse(null);
		assertThat(error).as("recorded error %s among %s", sum, errors).isNotNull();
		return List.of(error);
	}

	private static double sectionTokens(List<String> metrics, String stage, String section) {
		return PrometheusScrape.sum(metrics, "llmobs_context_tokens_sum", "model", MODEL, "stage", stage, "section",
				section);
	}

	private JsonNode context() {
		return SampleApi.llmobsEndpoint(this.client, this.jsonMapper).path("context");
	}

	private static JsonNode calibration(JsonNode context) {
		return context.path("calibration").path(REQUESTED_MODEL);
	}

	private void ask(String question, String tenant) {
		Answer answer = this.client.get()
			.uri("/api/ask?q={q}&tenant={tenant}", question, tenant)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Answer.class)
			.getResponseBody();
		assertThat(answer.answer()).isNotBlank();
	}

}
