package io.llmobs.judge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.llmobs.context.ContextWindowExceededException;
import io.llmobs.feedback.GuardrailVerdict;
import io.llmobs.feedback.Guardrails;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code llmobs.failures} as an application sees it, over real HTTP: what llmobs knows
 * from the call itself is counted without a judge (including loops that llmobs stopped
 * and blocks that the application's guardrails reported), what the judge names is counted
 * from its verdict, and one failure of a call is counted once.
 */
class FailureTaxonomyIntegrationTests {

	private static final String JUDGE_MODEL = "gpt-4o";

	private static final String ANSWER = "Parcels to Berlin arrive in two days.";

	/**
	 * A question the model answers with a new tool call every round, until llmobs stops
	 * the loop.
	 */
	private static final String ENDLESS_CALLS = "quote every city";

	/** A question the model answers with the same tool call three times in one round. */
	private static final String REPEATED_CALLS = "quote Berlin three times";

	/** A question whose answer the {@link PolicyGuardrails} block. */
	private static final String REFUND = "Can I get a refund?";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final Map<String, StubResponse> appReplies = new ConcurrentHashMap<>();

	private final Map<String, String> verdicts = new ConcurrentHashMap<>();

	@AfterEach
	void resetServer() {
		server.reset();
	}

	@Test
	void failuresKnownFromTheCallAreCountedWithoutAJudge() {
		this.appReplies.put("truncated", StubResponse.completion("Parcels to").finishReason("length"));
		this.appReplies.put("filtered", StubResponse.completion("").finishReason("content_filter"));
		this.appReplies.put("too long",
				StubResponse.error(400, "This model's maximum context length is 128000 tokens.")
					.errorType("invalid_request_error")
					.errorCode("context_length_exceeded"));
		this.appReplies.put("overloaded", StubResponse.error(503, "overloaded"));
		run(TracedApplication.runner(), (context) -> {
			ChatClient client = chatClient(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			ask(client, "fine");
			assertThat(total(meters)).as("a good answer is no failure").isZero();
			ask(client, "truncated");
			assertThat(failures(meters, "context_construction")).as("cut at the output-token limit").isOne();
			ask(client, "filtered");
			assertThat(failures(meters, "safety")).as("stopped by the provider's content filter").isOne();
			assertThatException().isThrownBy(() -> ask(client, "too long"));
			assertThat(failures(meters, "context_construction")).as("refused for its context length").isEqualTo(2);
			assertThat(failures(meters, "serving_bottleneck")).as("a 400 is not the provider's bottleneck").isZero();
			assertThatException().isThrownBy(() -> ask(client, "overloaded"));
			assertThat(failures(meters, "serving_bottleneck")).isOne();
			assertThat(client.prompt("quote Berlin").tools(new FailingTools()).call().content()).isEqualTo(ANSWER);
			assertThat(failures(meters, "tool_failure")).isOne();
			assertThat(total(meters)).isEqualTo(5);
		});
	}

	@Test
	void promptRefusedByTheBlockRatioIsAContextConstructionFailure() {
		run(TracedApplication.runner()
			.withPropertyValues("llmobs.models.gpt-4o-mini.context-window=50", "llmobs.context.block-ratio=0.9"),
				(context) -> {
					ChatClient client = chatClient(context);
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThatExceptionOfType(ContextWindowExceededException.class)
						.isThrownBy(() -> ask(client, "Where is my parcel? ".repeat(50)));
					assertThat(failures(meters, "context_construction")).isOne();
					assertThat(server.chatRequests()).as("refused before it was sent").isEmpty();
				});
	}

	@Test
	void toolLoopThatLlmobsStoppedIsAToolFailureOncePerCall() {
		run(TracedApplication.runner()
			.withPropertyValues("llmobs.tools.max-iterations=4", "llmobs.tools.loop.max-identical-calls=1"),
				(context) -> {
					ChatClient client = chatClient(context);
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThat(client.prompt(ENDLESS_CALLS).tools(new QuoteTools()).call().content())
						.startsWith("I stopped after 4 rounds");
					assertThat(loopStops(meters, "max_iterations")).isOne();
					assertThat(failures(meters, "tool_failure")).as("stopped at the iteration cap").isOne();
					assertThat(client.prompt(REPEATED_CALLS).tools(new QuoteTools()).call().content())
						.isEqualTo(ANSWER);
					assertThat(loopStops(meters, "identical_calls")).as("two identical calls held back").isEqualTo(2);
					assertThat(failures(meters, "tool_failure")).as("once for the call that was held back twice")
						.isEqualTo(2);
					assertThat(total(meters)).isEqualTo(2);
				});
	}

	@Test
	void guardrailBlocksAreSafetyFailuresOncePerCallAndOncePerVerdictOutsideACall() {
		this.appReplies.put(REFUND + " Now!", StubResponse.completion("").finishReason("content_filter"));
		run(TracedApplication.runner(), (context) -> {
			Guardrails guardrails = context.getBean(Guardrails.class);
			ChatClient client = chatClient(context).mutate().defaultAdvisors(new PolicyGuardrails(guardrails)).build();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			ask(client, "fine");
			assertThat(total(meters)).as("allowed by the guardrails").isZero();
			ask(client, REFUND);
			assertThat(failures(meters, "safety")).as("two guardrails blocked one call").isOne();
			ask(client, REFUND + " Now!");
			assertThat(failures(meters, "safety")).as("blocked and stopped by the content filter").isEqualTo(2);
			guardrails.record("pii", GuardrailVerdict.BLOCK);
			guardrails.record("pii", GuardrailVerdict.BLOCK);
			guardrails.record("pii", GuardrailVerdict.REDACT);
			assertThat(failures(meters, "safety")).as("each block outside a call").isEqualTo(4);
			assertThat(total(meters)).isEqualTo(4);
		});
	}

	@Test
	void judgeVerdictsAreCountedByTheirCategoryAndAKnownFailureOnlyOnce() {
		this.verdicts.put("Which warehouse has my parcel?", "retrieval_miss");
		this.verdicts.put("quote Berlin", "tool_failure");
		this.verdicts.put("Do you ship to the moon?", "Coverage Gap");
		this.verdicts.put(ENDLESS_CALLS, "tool_failure");
		this.verdicts.put(REFUND, "safety");
		run(TracedApplication.runner()
			.withPropertyValues("llmobs.judge.enabled=true", "llmobs.judge.model=" + JUDGE_MODEL,
					"llmobs.judge.sample-rate=1.0", "llmobs.judge.concurrency=1", "llmobs.tools.max-iterations=4"),
				(context) -> {
					ChatClient client = chatClient(context).mutate()
						.defaultAdvisors(new PolicyGuardrails(context.getBean(Guardrails.class)))
						.build();
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					ask(client, "Which warehouse has my parcel?");
					await().atMost(Duration.ofSeconds(10)).until(() -> scored(meters) == 1);
					assertThat(failures(meters, "retrieval_miss")).isOne();
					assertThat(client.prompt("quote Berlin").tools(new FailingTools()).call().content())
						.isEqualTo(ANSWER);
					await().atMost(Duration.ofSeconds(10)).until(() -> scored(meters) == 2);
					assertThat(failures(meters, "tool_failure")).as("known from the call and named by the judge")
						.isOne();
					ask(client, "Do you ship to the moon?");
					await().atMost(Duration.ofSeconds(10)).until(() -> scored(meters) == 3);
					assertThat(failures(meters, "coverage_gap")).isOne();
					client.prompt(ENDLESS_CALLS).tools(new QuoteTools()).call().content();
					await().atMost(Duration.ofSeconds(10)).until(() -> scored(meters) == 4);
					assertThat(failures(meters, "tool_failure")).as("a stopped loop the judge also names").isEqualTo(2);
					ask(client, REFUND);
					await().atMost(Duration.ofSeconds(10)).until(() -> scored(meters) == 5);
					assertThat(failures(meters, "safety")).as("blocked by a guardrail and named by the judge").isOne();
					assertThat(total(meters)).isEqualTo(5);
				});
	}

	private void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.respondWith((request) -> {
			JsonNode messages = request.messages();
			if (JUDGE_MODEL.equals(request.model())) {
				String judged = messages.get(messages.size() - 1).path("content").asString();
				String category = this.verdicts.entrySet()
					.stream()
					.filter((entry) -> judged.contains("## Question\n" + entry.getKey() + "\n"))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse("none");
				return StubResponse.completion("""
						{"scores": {"faithfulness": 0.5, "relevance": 0.5}, "label": "fail", \
						"explanation": "See category.", "failure_category": "%s"}""".formatted(category));
			}
			JsonNode last = messages.get(messages.size() - 1);
			String question = messages.get(0).path("content").asString();
			if (ENDLESS_CALLS.equals(question)) {
				return StubResponse.toolCall("call-" + messages.size(), "quote",
						"{\"destination\": \"City " + messages.size() + "\"}");
			}
			if ("tool".equals(last.path("role").asString())) {
				return StubResponse.completion(ANSWER);
			}
			if (REPEATED_CALLS.equals(question)) {
				String berlin = "{\"destination\": \"Berlin\"}";
				return StubResponse.toolCall("call-1", "quote", berlin)
					.addToolCall("call-2", "quote", berlin)
					.addToolCall("call-3", "quote", berlin);
			}
			if (request.body().has("tools")) {
				return StubResponse.toolCall("call-1", "quote", "{\"destination\": \"Berlin\"}");
			}
			return this.appReplies.getOrDefault(last.path("content").asString(), StubResponse.completion(ANSWER));
		});
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	private static String ask(ChatClient client, String question) {
		return client.prompt(question).call().content();
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static long failures(MeterRegistry meters, String category) {
		Counter counter = meters.find(JudgeMetricNames.FAILURES)
			.tags("category", category, "stage", "default")
			.counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	private static long total(MeterRegistry meters) {
		return (long) meters.find(JudgeMetricNames.FAILURES).counters().stream().mapToDouble(Counter::count).sum();
	}

	private static long loopStops(MeterRegistry meters, String reason) {
		Counter counter = meters.find("llmobs.agent.loop.stopped").tag("reason", reason).counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	private static long scored(MeterRegistry meters) {
		Counter counter = meters.find(JudgeMetricNames.EVALUATIONS).tag("outcome", "scored").counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	static class QuoteTools {

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			return destination + ": 7.49 EUR";
		}

	}

	/**
	 * Two guardrails of the application that check answers to refund questions and block
	 * them.
	 */
	static final class PolicyGuardrails implements CallAdvisor {

		private final Guardrails guardrails;

		PolicyGuardrails(Guardrails guardrails) {
			this.guardrails = guardrails;
		}

		@Override
		public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
			ChatClientResponse response = chain.nextCall(request);
			GuardrailVerdict verdict = request.prompt().getUserMessage().getText().startsWith(REFUND)
					? GuardrailVerdict.BLOCK : GuardrailVerdict.ALLOW;
			this.guardrails.record("refund-policy", verdict);
			this.guardrails.record("tone", verdict);
			return response;
		}

		@Override
		public String getName() {
			return "policy-guardrails";
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

	static class FailingTools {

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			throw new IllegalStateException("carrier API down");
		}

	}

}
