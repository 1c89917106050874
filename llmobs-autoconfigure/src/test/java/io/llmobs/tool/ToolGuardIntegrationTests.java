package io.llmobs.tool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tools as the model reaches them: full auto-configuration, Spring AI's OpenAI client and
 * tool-calling advisor over real HTTP to a local server that asks for a tool call and
 * then answers, Resilience4j breakers (and none, with Resilience4j hidden), Micrometer
 * meters on Prometheus and OpenTelemetry spans.
 */
class ToolGuardIntegrationTests {

	private static final String ANSWER = "Shipping to Berlin costs 7.49 EUR.";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs",
				"llmobs.tools.circuit-breaker.sliding-window-size=4",
				"llmobs.tools.circuit-breaker.minimum-number-of-calls=4",
				"llmobs.tools.circuit-breaker.failure-rate-threshold=50");

	@Test
	void failingToolOpensItsBreakerAndTheModelGetsTheDegradedMessageInstead() {
		run(this.runner, (context) -> {
			QuoteTools tools = new QuoteTools((call) -> true);
			ChatClient client = chatClient(context);
			for (int i = 0; i < 6; i++) {
				assertThat(ask(client, tools)).as("call %d answers", i + 1).isEqualTo(ANSWER);
			}
			assertThat(tools.calls()).as("the tool ran until its breaker opened").isEqualTo(4);
			MeterRegistry meters = meters(context);
			assertThat(toolCalls(meters, "error")).isEqualTo(4);
			assertThat(toolCalls(meters, "rejected")).isEqualTo(2);
			assertThat(lastToolMessage()).startsWith("The tool 'quote' is unavailable right now.");
			assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.contains("resilience4j_circuitbreaker_state{name=\"quote\",state=\"open\"} 1.0");
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().toolCircuitBreakers()).containsEntry("quote",
					"open");
			List<SpanData> toolSpans = spans(context).stream()
				.filter((span) -> span.getName().equals("execute_tool quote"))
				.toList();
			assertThat(toolSpans).hasSize(6);
			SpanData rejected = toolSpans.get(toolSpans.size() - 1);
			assertThat(attribute(rejected, "gen_ai.tool.name")).isEqualTo("quote");
			assertThat(attribute(rejected, "gen_ai.tool.call.id")).startsWith("call-");
			assertThat(attribute(rejected, "llmobs.tool.outcome")).isEqualTo("rejected");
			assertThat(attribute(rejected, "llmobs.circuit_breaker.state")).isEqualTo("open");
		});
	}

	@Test
	void failuresThatSpringAiTurnsIntoResultsAreStillErrors() {
		run(this.runner, (context) -> {
			QuoteTools tools = new QuoteTools((call) -> call % 5 == 0);
			ChatClient client = chatClient(context);
			for (int i = 0; i < 10; i++) {
				assertThat(ask(client, tools)).isEqualTo(ANSWER);
			}
			MeterRegistry meters = meters(context);
			assertThat(toolCalls(meters, "success")).isEqualTo(8);
			assertThat(toolCalls(meters, "error")).isEqualTo(2);
			assertThat(meters.find("llmobs.tool").tag("outcome", "rejected").timer()).isNull();
			assertThat(meters.get("llmobs.tool")
				.tags("tool", "quote", "stage", "quote")
				.timers()
				.stream()
				.mapToLong(Timer::count)
				.sum()).as("every call, in the stage of its ChatClient call").isEqualTo(10);
		});
	}

	@Test
	void openBreakerLetsATrialCallThroughAfterItsWaitAndClosesOnSuccess() {
		run(this.runner.withPropertyValues("llmobs.tools.circuit-breaker.wait-duration-in-open-state=200ms",
				"llmobs.tools.circuit-breaker.permitted-number-of-calls-in-half-open-state=1"), (context) -> {
					AtomicLong failing = new AtomicLong(1);
					QuoteTools tools = new QuoteTools((call) -> failing.get() == 1);
					ChatClient client = chatClient(context);
					for (int i = 0; i < 4; i++) {
						ask(client, tools);
					}
					CircuitBreaker breaker = context.getBean(ToolCircuitBreakers.class).forTool("quote");
					assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
					failing.set(0);
					await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
						ask(client, tools);
						assertThat(toolCalls(meters(context), "success")).isOne();
					});
					assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
				});
	}

	@Test
	void concurrentAgentCallsAreCountedExactly() {
		run(this.runner, (context) -> {
			QuoteTools tools = new QuoteTools((call) -> false);
			ChatClient client = chatClient(context);
			ExecutorService callers = Executors.newFixedThreadPool(10);
			try {
				List<CompletableFuture<String>> answers = IntStream.range(0, 50)
					.mapToObj((i) -> CompletableFuture.supplyAsync(() -> ask(client, tools), callers))
					.toList();
				assertThat(answers).allSatisfy((answer) -> assertThat(answer.join()).isEqualTo(ANSWER));
			}
			finally {
				callers.shutdownNow();
			}
			assertThat(tools.calls()).isEqualTo(50);
			assertThat(toolCalls(meters(context), "success")).isEqualTo(50);
		});
	}

	@Test
	void modelRepeatingTheSameCallIsHeldBackAndItsLoopEndsAtTheIterationCap() {
		run(this.runner, (context) -> {
			AtomicInteger ids = new AtomicInteger();
			// Same arguments, written two ways: canonical JSON makes them one call.
			server.respondWith((request) -> StubResponse.toolCall("call-" + ids.incrementAndGet(), "quote",
					(ids.get() % 2 == 0) ? "{\"destination\":\"Berlin\"}" : "{ \"destination\" : \"Berlin\" }"));
			QuoteTools tools = new QuoteTools((call) -> false);
			String answer = ask(chatClient(context), tools);
			assertThat(answer).isEqualTo("I stopped after 10 rounds of tool calls without reaching an answer.");
			assertThat(server.chatRequests()).as("llmobs.tools.max-iterations").hasSize(10);
			assertThat(tools.calls()).as("llmobs.tools.loop.max-identical-calls").isEqualTo(3);
			assertThat(server.chatRequests().get(4).messages().toString())
				.contains("You already called the tool 'quote' with these same arguments 3 times in this request");
			MeterRegistry meters = meters(context);
			assertThat(toolCalls(meters, "success")).isEqualTo(3);
			assertThat(toolCalls(meters, "loop_blocked")).isEqualTo(6);
			assertThat(meters.get("llmobs.agent.loop.stopped")
				.tags("stage", "quote", "reason", "identical_calls")
				.counter()
				.count()).isEqualTo(6);
			assertThat(meters.get("llmobs.agent.loop.stopped")
				.tags("stage", "quote", "reason", "max_iterations")
				.counter()
				.count()).isOne();
			assertThat(meters.get("llmobs.agent.iterations").tags("stage", "quote").summary().totalAmount())
				.isEqualTo(10);
		});
	}

	@Test
	void loopOfDistinctCallsEndsAtTheIterationCapWithoutAnException() {
		run(this.runner.withPropertyValues("llmobs.tools.max-iterations=4"), (context) -> {
			AtomicInteger ids = new AtomicInteger();
			server.respondWith((request) -> StubResponse.toolCall("call-" + ids.incrementAndGet(), "quote",
					"{\"destination\":\"City " + ids.get() + "\"}"));
			QuoteTools tools = new QuoteTools((call) -> false);
			assertThat(ask(chatClient(context), tools))
				.isEqualTo("I stopped after 4 rounds of tool calls without reaching an answer.");
			assertThat(server.chatRequests()).hasSize(4);
			assertThat(tools.calls()).isEqualTo(3);
			assertThat(meters(context).find("llmobs.agent.loop.stopped").tag("reason", "identical_calls").counter())
				.isNull();
		});
	}

	@Test
	void toolThatDoesNotAnswerInTimeIsInterruptedAndTheModelIsTold() {
		run(this.runner.withPropertyValues("llmobs.tools.timeouts.quote=200ms"), (context) -> {
			CountDownLatch interrupted = new CountDownLatch(1);
			Object slowTools = new Object() {

				@Tool(name = "quote", description = "Quotes the price in EUR of shipping a parcel to a German city")
				String quote(String destination) {
					try {
						Thread.sleep(10_000);
						return destination + ": 7.49 EUR";
					}
					catch (InterruptedException ex) {
						interrupted.countDown();
						Thread.currentThread().interrupt();
						return "interrupted";
					}
				}

			};
			String answer = chatClient(context).prompt("What does shipping to Berlin cost?")
				.tools(slowTools)
				.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
				.call()
				.content();
			assertThat(answer).isEqualTo(ANSWER);
			assertThat(lastToolMessage()).isEqualTo("The tool 'quote' did not answer within 200 ms. Answer without it, "
					+ "or tell the user that this information cannot be retrieved at the moment.");
			await().atMost(Duration.ofSeconds(5)).until(() -> interrupted.getCount() == 0);
			assertThat(toolCalls(meters(context), "timeout")).isOne();
			Timer timer = meters(context).get("llmobs.tool").tag("outcome", "timeout").timer();
			assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isBetween(200.0, 5_000.0);
		});
	}

	@Test
	void withoutResilience4jFailingToolsAreTimedAndKeepRunningWithoutABreaker() {
		run(this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j")), (context) -> {
			QuoteTools tools = new QuoteTools((call) -> call != 3);
			ChatClient client = chatClient(context);
			for (int i = 0; i < 6; i++) {
				assertThat(ask(client, tools)).as("call %d answers", i + 1).isEqualTo(ANSWER);
			}
			assertThat(tools.calls()).as("no breaker holds the tool back").isEqualTo(6);
			MeterRegistry meters = meters(context);
			assertThat(toolCalls(meters, "error")).isEqualTo(5);
			assertThat(toolCalls(meters, "success")).isOne();
			assertThat(meters.find("llmobs.tool").tag("outcome", "rejected").timer()).isNull();
			assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.contains("llmobs_tool_seconds_count{outcome=\"error\",stage=\"quote\",tool=\"quote\"} 5")
				.doesNotContain("resilience4j_circuitbreaker");
			SpanData failed = spans(context).stream()
				.filter((span) -> span.getName().equals("execute_tool quote"))
				.findFirst()
				.orElseThrow();
			assertThat(attribute(failed, "llmobs.tool.outcome")).isEqualTo("error");
			assertThat(attribute(failed, "llmobs.circuit_breaker.state")).as("there is no breaker").isNull();
			assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		});
	}

	@Test
	void withoutResilience4jIdenticalCallsAreHeldBackAndTheLoopEndsAtTheIterationCap() {
		run(this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j"))
			.withPropertyValues("llmobs.tools.max-iterations=4", "llmobs.tools.loop.max-identical-calls=1"),
				(context) -> {
					AtomicInteger ids = new AtomicInteger();
					server.respondWith((request) -> StubResponse.toolCall("call-" + ids.incrementAndGet(), "quote",
							"{\"destination\":\"Berlin\"}"));
					QuoteTools tools = new QuoteTools((call) -> false);
					assertThat(ask(chatClient(context), tools))
						.isEqualTo("I stopped after 4 rounds of tool calls without reaching an answer.");
					assertThat(server.chatRequests()).hasSize(4);
					assertThat(tools.calls()).isOne();
					MeterRegistry meters = meters(context);
					assertThat(toolCalls(meters, "success")).isOne();
					assertThat(toolCalls(meters, "loop_blocked")).isEqualTo(2);
					assertThat(
							meters.get("llmobs.agent.loop.stopped").tags("reason", "identical_calls").counter().count())
						.isEqualTo(2);
					assertThat(
							meters.get("llmobs.agent.loop.stopped").tags("reason", "max_iterations").counter().count())
						.isOne();
				});
	}

	@Test
	void toolDecoratedByHandIsGuardedOnceInAClientBuiltOutsideSpring() {
		run(this.runner, (context) -> {
			QuoteTools tools = new QuoteTools((call) -> true);
			ToolGuard guard = context.getBean(ToolGuard.class);
			ToolCallback quote = guard.decorate(guard.decorate(ToolCallbacks.from(tools)[0]));
			ChatClient client = ChatClient.builder(context.getBean(ChatModel.class)).build();
			for (int i = 0; i < 6; i++) {
				assertThat(client.prompt("What does shipping to Berlin cost?").toolCallbacks(quote).call().content())
					.as("call %d answers", i + 1)
					.isEqualTo(ANSWER);
			}
			assertThat(tools.calls()).as("the tool ran until its breaker opened").isEqualTo(4);
			MeterRegistry meters = meters(context);
			assertThat(toolCalls(meters, "error")).as("timed once, though decorated twice").isEqualTo(4);
			assertThat(toolCalls(meters, "rejected")).isEqualTo(2);
			assertThat(meters.get("llmobs.tool").tag("stage", "default").timers()).hasSize(2);
			assertThat(lastToolMessage()).startsWith("The tool 'quote' is unavailable right now.");
		});
	}

	private static String ask(ChatClient client, QuoteTools tools) {
		return client.prompt("What does shipping to Berlin cost?")
			.tools(tools)
			.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
			.call()
			.content();
	}

	private static void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.reset();
		AtomicInteger ids = new AtomicInteger();
		server.respondWith((request) -> "tool".equals(lastRole(request)) ? StubResponse.completion(ANSWER)
				: StubResponse.toolCall("call-" + ids.incrementAndGet(), "quote", "{\"destination\":\"Berlin\"}"));
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	private static String lastRole(RecordedRequest request) {
		JsonNode messages = request.messages();
		return messages.get(messages.size() - 1).path("role").asString();
	}

	private static String lastToolMessage() {
		JsonNode messages = server.lastRequest().messages();
		JsonNode last = messages.get(messages.size() - 1);
		assertThat(last.path("role").asString()).isEqualTo("tool");
		return last.path("content").asString();
	}

	private static long toolCalls(MeterRegistry meters, String outcome) {
		Timer timer = meters.find("llmobs.tool").tags("tool", "quote", "outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	/**
	 * A parcel-quote tool that fails on the calls the predicate names (1 is the first
	 * call).
	 */
	static class QuoteTools {

		private final AtomicInteger calls = new AtomicInteger();

		private final IntPredicate fails;

		QuoteTools(IntPredicate fails) {
			this.fails = fails;
		}

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			if (this.fails.test(this.calls.incrementAndGet())) {
				throw new IllegalStateException("carrier API down");
			}
			return destination + ": 7.49 EUR";
		}

		int calls() {
			return this.calls.get();
		}

	}

}
