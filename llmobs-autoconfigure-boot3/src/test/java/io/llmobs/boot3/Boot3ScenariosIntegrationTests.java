package io.llmobs.boot3;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.budget.LlmBudgetExceededException;
import io.llmobs.chat.LlmObs;
import io.llmobs.chat.LlmTask;
import io.llmobs.conversation.Conversations;
import io.llmobs.core.LlmObsParams;
import io.llmobs.feedback.FeedbackOutcome;
import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.prompt.PromptRegistry;
import io.llmobs.prompt.RegisteredPrompt;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static io.llmobs.boot3.Boot3Application.chatClient;
import static io.llmobs.boot3.Boot3Application.meters;
import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.doubleAttribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The key scenarios of the Boot 4 line's tests on a Spring Boot 3.5 and Spring AI 1.1
 * application, over real HTTP with Spring AI 1.1's OpenAI client: a tool loop with a
 * failing tool, the judge, task cost, context accounting, content capture with redaction,
 * budgets, conversation and prompt identities, the prompt registry, feedback, and
 * {@code /actuator/llmobs}.
 */
class Boot3ScenariosIntegrationTests {

	private static final String ANSWER = "Shipping to Berlin costs 7.49 EUR.";

	private static final String JUDGE_MODEL = "gpt-4o";

	private static final String VERDICT = """
			{"scores": {"faithfulness": 0.75, "relevance": 1.0}, "label": "pass", "explanation": "Supported.", \
			"failure_category": "none"}""";

	private static final double INPUT_PRICE = 0.15;

	private static final double OUTPUT_PRICE = 0.60;

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = Boot3Application.runner(server)
		.withPropertyValues("llmobs.models.gpt-4o-mini.input-price=" + INPUT_PRICE,
				"llmobs.models.gpt-4o-mini.output-price=" + OUTPUT_PRICE);

	@Test
	void failingToolOpensItsBreakerAndTheModelGetsTheDegradedMessageInstead() {
		run(this.runner.withPropertyValues("management.endpoints.web.exposure.include=llmobs",
				"llmobs.tools.circuit-breaker.sliding-window-size=4",
				"llmobs.tools.circuit-breaker.minimum-number-of-calls=4",
				"llmobs.tools.circuit-breaker.failure-rate-threshold=50"), (context) -> {
					QuoteTools tools = new QuoteTools();
					ChatClient client = chatClient(context);
					for (int i = 0; i < 6; i++) {
						assertThat(client.prompt("What does shipping to Berlin cost?")
							.tools(tools)
							.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
							.call()
							.content()).as("call %d answers", i + 1).isEqualTo(ANSWER);
					}
					assertThat(tools.calls.get()).as("the tool ran until its breaker opened").isEqualTo(4);
					MeterRegistry meters = meters(context);
					assertThat(toolCalls(meters, "error")).isEqualTo(4);
					assertThat(toolCalls(meters, "rejected")).isEqualTo(2);
					JsonNode messages = server.lastRequest().messages();
					assertThat(messages.get(messages.size() - 1).path("content").asString())
						.startsWith("The tool 'quote' is unavailable right now.");
					assertThat(context.getBean(LlmObsEndpoint.class).llmobs().toolCircuitBreakers())
						.containsEntry("quote", "open");
					List<SpanData> rejected = spans(context).stream()
						.filter((span) -> "quote".equals(attribute(span, "gen_ai.tool.name")))
						.filter((span) -> "rejected".equals(attribute(span, "llmobs.tool.outcome")))
						.toList();
					assertThat(rejected).hasSize(2);
					assertThat(attribute(rejected.get(0), "llmobs.circuit_breaker.state")).isEqualTo("open");
				});
	}

	@Test
	void sampledCallIsScoredByTheJudgeModelAndTheJudgeIsNeverJudged() {
		run(this.runner.withPropertyValues("management.endpoints.web.exposure.include=llmobs",
				"llmobs.judge.enabled=true", "llmobs.judge.model=" + JUDGE_MODEL, "llmobs.judge.sample-rate=1.0"),
				(context) -> {
					assertThat(chatClient(context).prompt("When does my parcel arrive?").call().content())
						.isEqualTo(ANSWER);
					MeterRegistry meters = meters(context);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> meters.get("llmobs.judge.evaluations").tag("outcome", "scored").counter().count(),
								(count) -> count == 1);
					DistributionSummary faithfulness = meters.get("llmobs.judge.score")
						.tags("criterion", "faithfulness", "stage", "default", "model", "gpt-4o-mini")
						.summary();
					assertThat(faithfulness.totalAmount()).isEqualTo(0.75);
					List<RecordedRequest> judged = server.chatRequests()
						.stream()
						.filter((request) -> JUDGE_MODEL.equals(request.model()))
						.toList();
					assertThat(judged).hasSize(1);
					assertThat(judged.get(0).messages().get(1).path("content").asString())
						.contains("## Question\nWhen does my parcel arrive?", "## Answer\n" + ANSWER);
					assertThat(meters.get("llmobs.chat").tag("stage", "judge").timer().count()).isOne();
					assertThat(context.getBean(LlmObsEndpoint.class).llmobs().judge().evaluations())
						.containsEntry("scored", 1L);
				});
	}

	@Test
	void taskCostIsTheSumOfItsCalls() {
		run(this.runner, (context) -> {
			ChatClient client = chatClient(context);
			try (LlmTask task = context.getBean(LlmObs.class).task("support-answer")) {
				client.prompt("first").call().content();
				client.prompt("second").call().content();
				task.success();
			}
			double perCall = (1_000 * INPUT_PRICE + 50 * OUTPUT_PRICE) / 1e6;
			MeterRegistry meters = meters(context);
			DistributionSummary cost = meters.get("llmobs.task.cost")
				.tags("task", "support-answer", "outcome", "success")
				.summary();
			assertThat(cost.count()).isOne();
			assertThat(cost.totalAmount()).isCloseTo(2 * perCall, within(1e-12));
			assertThat(meters.get("llmobs.task").tags("task", "support-answer").timer().count()).isOne();
		});
	}

	@Test
	void contextSectionsAndUtilizationAreAccountedBeforeTheCall() {
		run(this.runner, (context) -> {
			chatClient(context).prompt()
				.system("You quote parcel prices.")
				.user("What does a 2 kg parcel from Hamburg to Berlin cost?")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
				.call()
				.content();
			MeterRegistry meters = meters(context);
			assertThat(sectionTokens(meters, "system")).isPositive();
			assertThat(sectionTokens(meters, "user_input")).isPositive();
			DistributionSummary utilization = meters.get("llmobs.context.utilization")
				.tags("model", "gpt-4o-mini", "stage", "quote")
				.summary();
			assertThat(utilization.count()).isOne();
			assertThat(utilization.totalAmount()).isCloseTo(
					(sectionTokens(meters, "system") + sectionTokens(meters, "user_input")) / 128_000.0, within(1e-9));
			SpanData model = span(spans(context), "chat gpt-4o-mini");
			assertThat(doubleAttribute(model, "llmobs.context.utilization")).isCloseTo(utilization.totalAmount(),
					within(1e-9));
		});
	}

	@Test
	void capturedContentHoldsPlaceholdersNeverTheRawValues() {
		run(this.runner.withPropertyValues("llmobs.capture.content=true"), (context) -> {
			chatClient(context).prompt("Hi, I am Jane (jane.doe@example.com). Where is my parcel?").call().content();
			SpanData model = span(spans(context), "chat gpt-4o-mini");
			assertThat(attribute(model, "gen_ai.input.messages"))
				.isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
						+ "\"Hi, I am Jane (<EMAIL>). Where is my parcel?\"}]}]");
			assertThat(attribute(model, "gen_ai.output.messages")).contains(ANSWER);
			model.getAttributes()
				.forEach((key, value) -> assertThat(value.toString()).as("attribute %s", key.getKey())
					.doesNotContain("jane.doe@example.com"));
			assertThat(meters(context).get("llmobs.pii.entities")
				.tags("type", "email", "direction", "input")
				.counter()
				.count()).isOne();
		});
	}

	@Test
	void budgetRefusesACallOverItAndConversationAndPromptIdentitiesAreOnTheSpans() {
		run(this.runner.withPropertyValues("management.endpoints.web.exposure.include=llmobs",
				"llmobs.budgets.enabled=true", "llmobs.budgets.mode=block",
				"llmobs.budgets.stages.support.daily-usd=0.0001"), (context) -> {
					ChatClient client = chatClient(context);
					client.prompt("Where is my parcel?")
						.advisors((a) -> a.param(LlmObsParams.STAGE, "support")
							.param(ChatMemory.CONVERSATION_ID, "conv-1")
							.param(LlmObsParams.PROMPT_NAME, "parcel-status")
							.param(LlmObsParams.PROMPT_VERSION, "v3"))
						.call()
						.content();
					SpanData model = span(spans(context), "chat gpt-4o-mini");
					assertThat(attribute(model, "gen_ai.conversation.id")).isEqualTo("conv-1");
					assertThat(attribute(model, "gen_ai.prompt.name")).isEqualTo("parcel-status");
					assertThat(attribute(model, "gen_ai.prompt.version")).isEqualTo("v3");
					int requests = server.chatRequests().size();
					assertThatExceptionOfType(LlmBudgetExceededException.class)
						.isThrownBy(() -> client.prompt("And now?")
							.advisors((a) -> a.param(LlmObsParams.STAGE, "support"))
							.call()
							.content())
						.withMessageContaining("stage 'support'");
					assertThat(server.chatRequests()).as("refused before the model is called").hasSize(requests);
					LlmObsEndpoint.LlmObsDescriptor endpoint = context.getBean(LlmObsEndpoint.class).llmobs();
					assertThat(endpoint.budgets()).isNotNull();
					assertThat(endpoint.conversations().costliest()).extracting(Conversations.Summary::id)
						.containsExactly("conv-1");
				});
	}

	@Test
	void feedbackOnAResponseIdAndARegistryPromptAreRecorded(@TempDir Path prompts) throws IOException {
		Files.writeString(prompts.resolve("answer.st"), "You are the quoting assistant of {carrier}.");
		run(this.runner.withPropertyValues("llmobs.prompts.location=" + prompts.toUri()), (context) -> {
			RegisteredPrompt answer = context.getBean(PromptRegistry.class).get("answer");
			ChatResponse response = chatClient(context).prompt()
				.system(answer.template().render(Map.of("carrier", "Parcelo")))
				.user("What does a parcel to Berlin cost?")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
				.call()
				.chatResponse();
			SpanData model = span(spans(context), "chat gpt-4o-mini");
			assertThat(attribute(model, "gen_ai.prompt.name")).isEqualTo("answer");
			assertThat(attribute(model, "gen_ai.prompt.version")).isEqualTo(answer.version());
			assertThat(context.getBean(FeedbackRecorder.class)
				.record(response.getMetadata().getId(), FeedbackOutcome.ACCEPTED)).isTrue();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.feedback").tags("outcome", "accepted", "stage", "quote").counter().count())
				.isOne();
			assertThat(meters.get("llmobs.ttgo").tag("stage", "quote").timer().count()).isOne();
		});
	}

	@Test
	void actuatorServesTheLlmObsEndpointAndTheMetersOverHttp() throws Exception {
		server.reset();
		server.respondWith((request) -> StubResponse.completion(ANSWER).usage(1_000, 50));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TracedApplication.class)
			.properties(Boot3Application.properties(server))
			.properties("server.port=0", "management.endpoints.web.exposure.include=llmobs,prometheus",
					"llmobs.models.gpt-4o-mini.input-price=" + INPUT_PRICE,
					"llmobs.models.gpt-4o-mini.output-price=" + OUTPUT_PRICE)
			.run()) {
			context.getBean(ChatClient.Builder.class)
				.build()
				.prompt("x")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "classify"))
				.call()
				.content();
			String port = context.getEnvironment().getProperty("local.server.port");
			String llmobs = get("http://127.0.0.1:" + port + "/actuator/llmobs");
			assertThat(llmobs).contains("\"byStageUsd\":{\"classify\":", "\"toolCircuitBreakers\":",
					"\"tenant.max-values\":100");
			assertThat(get("http://127.0.0.1:" + port + "/actuator/prometheus")).contains(
					"llmobs_chat_seconds_count{model=\"gpt-4o-mini\",outcome=\"success\"",
					"llmobs_cost_usd_total{model=\"gpt-4o-mini\"");
		}
	}

	private void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.reset();
		AtomicInteger ids = new AtomicInteger();
		server.respondWith((request) -> {
			if (JUDGE_MODEL.equals(request.model())) {
				return StubResponse.completion(VERDICT);
			}
			JsonNode messages = request.messages();
			if (!"tool".equals(messages.get(messages.size() - 1).path("role").asString())
					&& request.body().has("tools")) {
				return StubResponse.toolCall("call-" + ids.incrementAndGet(), "quote", "{\"destination\":\"Berlin\"}");
			}
			return StubResponse.completion(ANSWER).usage(1_000, 50);
		});
		Boot3Application.run(runner, test);
	}

	private static long toolCalls(MeterRegistry meters, String outcome) {
		Timer timer = meters.find("llmobs.tool").tags("tool", "quote", "outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static double sectionTokens(MeterRegistry meters, String section) {
		return meters.get("llmobs.context.tokens").tags("stage", "quote", "section", section).summary().totalAmount();
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

	/** A parcel-quote tool whose carrier API is down. */
	static class QuoteTools {

		private final AtomicInteger calls = new AtomicInteger();

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("carrier API down");
		}

	}

}
