package io.llmobs.tool;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Degraded tool calls as a trace backend receives them: one {@code ChatClient} call per
 * tool outcome, over real HTTP with Spring AI's OpenAI client, exported through the
 * OpenTelemetry SDK; and the shipped collector's tail-sampling policies applied to those
 * very traces.
 */
class ToolFailureTracesTests {

	private static final String ANSWER = "Shipping to Berlin costs 7.49 EUR.";

	private static final String TOOL_SPAN = "execute_tool quote";

	private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(ToolNames.OUTCOME);

	private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

	private static final Path COLLECTOR = Path.of("..", "docs", "otel", "collector.yaml");

	private static final Pattern OTTL_ATTRIBUTE = Pattern.compile("attributes\\[\"([^\"]+)\"]");

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("llmobs.tools.loop.max-identical-calls=1", "llmobs.tools.timeouts.quote=300ms");

	@Test
	void failedToolCallsEndTheirSpansWithErrorAndAnErrorTypeAndSuccessfulOnesDoNot() {
		run((context, traces) -> {
			SpanData success = single(traces.get(ToolOutcome.SUCCESS), TOOL_SPAN);
			assertThat(success.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
			assertThat(success.getAttributes().get(ERROR_TYPE)).isNull();
			assertThat(traces.get(ToolOutcome.SUCCESS))
				.noneSatisfy((span) -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));

			SpanData failed = assertFailed(traces.get(ToolOutcome.ERROR), ToolOutcome.ERROR,
					IllegalStateException.class.getName());
			assertThat(failed.getEvents()).as("the exception event")
				.singleElement()
				.satisfies((event) -> assertThat(event.getAttributes().asMap().toString())
					.contains(ToolCallFailedException.class.getName(), "FailingQuoteTool.quote")
					.as("the tool's message is tool output, kept off the span")
					.doesNotContain(FailingQuoteTool.MESSAGE));
			assertFailed(traces.get(ToolOutcome.TIMEOUT), ToolOutcome.TIMEOUT, "timeout");
			assertFailed(traces.get(ToolOutcome.REJECTED), ToolOutcome.REJECTED, "rejected");
			assertFailed(traces.get(ToolOutcome.LOOP_BLOCKED), ToolOutcome.LOOP_BLOCKED, "loop_blocked");
			assertThat(toolSpans(traces.get(ToolOutcome.LOOP_BLOCKED)))
				.as("the first of the identical calls ran and succeeded")
				.anySatisfy((span) -> assertThat(span.getAttributes().get(OUTCOME)).isEqualTo("success"));
		});
	}

	@Test
	void springAiToolTimerTellsFailedAndRefusedCallsFromSuccessfulOnes() {
		run((context, traces) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(springAiToolCalls(meters, "none")).as("the success and the first of the identical calls")
				.isEqualTo(2);
			assertThat(springAiToolCalls(meters, "ToolCallFailedException")).as("the tool threw").isOne();
			assertThat(springAiToolCalls(meters, "ToolCallRefusedException")).as("timed out, blocked, rejected")
				.isEqualTo(3);
		});
	}

	@Test
	void collectorKeepsEveryDegradedTraceWithPoliciesOnWhatTheseTracesCarry() throws IOException {
		List<Map<String, Object>> policies = collectorPolicies();
		run((context, traces) -> {
			Map<String, Set<String>> carried = new LinkedHashMap<>();
			Set<String> statuses = new HashSet<>();
			traces.values().stream().flatMap(List::stream).forEach((span) -> {
				span.getAttributes()
					.forEach((key, value) -> carried.computeIfAbsent(key.getKey(), (k) -> new HashSet<>())
						.add(String.valueOf(value)));
				statuses.add(span.getStatus().getStatusCode().name());
			});
			for (Map<String, Object> policy : policies) {
				String name = (String) policy.get("name");
				switch ((String) policy.get("type")) {
					case "status_code" ->
						assertThat(statusCodes(policy)).as("policy %s", name).isNotEmpty().isSubsetOf(statuses);
					case "string_attribute" -> {
						Map<String, Object> condition = section(policy, "string_attribute");
						String key = (String) condition.get("key");
						assertThat(carried).as("policy %s: attribute key", name).containsKey(key);
						assertThat(values(condition)).as("policy %s: values", name)
							.isNotEmpty()
							.isSubsetOf(carried.get(key));
					}
					case "ottl_condition" ->
						assertThat(ottlSpanAttributes(policy)).as("policy %s", name).isSubsetOf(carried.keySet());
					default -> {
						// Policies that read no attribute or status (probabilistic).
					}
				}
			}
			traces.forEach((outcome, trace) -> {
				if (outcome != ToolOutcome.SUCCESS) {
					assertThat(keptBy(policies, trace)).as("policies keeping the %s trace", outcome.tagValue())
						.contains("errors", "tool-failures");
				}
			});
			assertThat(keptBy(policies, traces.get(ToolOutcome.SUCCESS))).as("a healthy trace").isEmpty();
			Set<String> failures = traces.keySet()
				.stream()
				.filter((outcome) -> outcome != ToolOutcome.SUCCESS)
				.map(ToolOutcome::tagValue)
				.collect(Collectors.toSet());
			assertThat(values(section(policy(policies, "tool-failures"), "string_attribute")))
				.as("every non-success outcome")
				.containsExactlyInAnyOrderElementsOf(failures);
		});
	}

	private static long springAiToolCalls(MeterRegistry meters, String error) {
		Timer timer = meters.find("spring.ai.tool")
			.tags("spring.ai.tool.definition.name", "quote", "error", error)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static SpanData assertFailed(List<SpanData> trace, ToolOutcome outcome, String errorType) {
		SpanData tool = toolSpans(trace).stream()
			.filter((span) -> outcome.tagValue().equals(span.getAttributes().get(OUTCOME)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no tool span with outcome " + outcome.tagValue()));
		assertThat(tool.getStatus().getStatusCode()).as(outcome.tagValue()).isEqualTo(StatusCode.ERROR);
		assertThat(tool.getAttributes().get(ERROR_TYPE)).as(outcome.tagValue()).isEqualTo(errorType);
		return tool;
	}

	/**
	 * The names of the policies (among those that read statuses and attributes) that keep
	 * a trace.
	 */
	private static Set<String> keptBy(List<Map<String, Object>> policies, List<SpanData> trace) {
		Set<String> kept = new HashSet<>();
		for (Map<String, Object> policy : policies) {
			String type = (String) policy.get("type");
			boolean keeps = switch (type) {
				case "status_code" -> trace.stream()
					.anyMatch((span) -> statusCodes(policy).contains(span.getStatus().getStatusCode().name()));
				case "string_attribute" -> {
					Map<String, Object> condition = section(policy, "string_attribute");
					AttributeKey<String> key = AttributeKey.stringKey((String) condition.get("key"));
					yield trace.stream().anyMatch((span) -> values(condition).contains(span.getAttributes().get(key)));
				}
				default -> false;
			};
			if (keeps) {
				kept.add((String) policy.get("name"));
			}
		}
		return kept;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> collectorPolicies() throws IOException {
		Map<String, Object> collector;
		try (Reader reader = Files.newBufferedReader(COLLECTOR)) {
			collector = new Yaml().load(reader);
		}
		Map<String, Object> processors = (Map<String, Object>) collector.get("processors");
		return (List<Map<String, Object>>) ((Map<String, Object>) processors.get("tail_sampling")).get("policies");
	}

	private static Map<String, Object> policy(List<Map<String, Object>> policies, String name) {
		return policies.stream()
			.filter((policy) -> name.equals(policy.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no policy " + name + " in " + COLLECTOR));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> policy, String type) {
		return (Map<String, Object>) policy.get(type);
	}

	@SuppressWarnings("unchecked")
	private static List<String> statusCodes(Map<String, Object> policy) {
		return (List<String>) section(policy, "status_code").get("status_codes");
	}

	@SuppressWarnings("unchecked")
	private static List<String> values(Map<String, Object> condition) {
		return (List<String>) condition.get("values");
	}

	/**
	 * The span attributes that an OTTL policy's span conditions read (its span-event
	 * conditions are the judge's).
	 */
	@SuppressWarnings("unchecked")
	private static Set<String> ottlSpanAttributes(Map<String, Object> policy) {
		List<String> conditions = (List<String>) section(policy, "ottl_condition").getOrDefault("span", List.of());
		Set<String> keys = new HashSet<>();
		for (String condition : conditions) {
			Matcher matcher = OTTL_ATTRIBUTE.matcher(condition);
			while (matcher.find()) {
				keys.add(matcher.group(1));
			}
		}
		return keys;
	}

	/**
	 * Makes one {@code ChatClient} call per outcome and hands each call's trace to the
	 * test.
	 */
	private void run(TracesTest test) {
		AtomicInteger toolCallsAsked = new AtomicInteger(1);
		AtomicInteger ids = new AtomicInteger();
		server.reset();
		server.respondWith((request) -> (toolMessages(request) < toolCallsAsked.get())
				? StubResponse.toolCall("call-" + ids.incrementAndGet(), "quote", "{\"destination\":\"Berlin\"}")
				: StubResponse.completion(ANSWER));
		this.runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			Map<ToolOutcome, String> traceIds = new LinkedHashMap<>();
			traceIds.put(ToolOutcome.SUCCESS, ask(context, new QuoteTool()));
			traceIds.put(ToolOutcome.ERROR, ask(context, new FailingQuoteTool()));
			traceIds.put(ToolOutcome.TIMEOUT, ask(context, new HangingQuoteTool()));
			toolCallsAsked.set(2);
			traceIds.put(ToolOutcome.LOOP_BLOCKED, ask(context, new QuoteTool()));
			toolCallsAsked.set(1);
			context.getBean(ToolCircuitBreakers.class).forTool("quote").transitionToForcedOpenState();
			traceIds.put(ToolOutcome.REJECTED, ask(context, new QuoteTool()));
			List<SpanData> spans = spans(context);
			Map<ToolOutcome, List<SpanData>> traces = new LinkedHashMap<>();
			traceIds.forEach((outcome, traceId) -> traces.put(outcome,
					spans.stream().filter((span) -> span.getTraceId().equals(traceId)).toList()));
			test.accept(context, traces);
		});
	}

	/** Asks the question once; returns the trace id of its {@code ChatClient} call. */
	private static String ask(AssertableApplicationContext context, Object tools) {
		int before = spans(context).size();
		String answer = context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("What does shipping to Berlin cost?")
			.tools(tools)
			.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
			.call()
			.content();
		assertThat(answer).as("the user's call is answered").isEqualTo(ANSWER);
		List<SpanData> spans = spans(context);
		return toolSpans(spans.subList(before, spans.size())).get(0).getTraceId();
	}

	private static SpanData single(List<SpanData> spans, String name) {
		List<SpanData> named = spans.stream().filter((span) -> span.getName().equals(name)).toList();
		assertThat(named).as(name).hasSize(1);
		return named.get(0);
	}

	private static List<SpanData> toolSpans(List<SpanData> trace) {
		return trace.stream().filter((span) -> span.getName().equals(TOOL_SPAN)).toList();
	}

	private static long toolMessages(RecordedRequest request) {
		JsonNode messages = request.messages();
		return messages.valueStream().filter((message) -> "tool".equals(message.path("role").asString())).count();
	}

	@FunctionalInterface
	private interface TracesTest {

		void accept(AssertableApplicationContext context, Map<ToolOutcome, List<SpanData>> traces);

	}

	static class QuoteTool {

		@Tool(name = "quote", description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			return destination + ": 7.49 EUR";
		}

	}

	static class FailingQuoteTool {

		static final String MESSAGE = "no account for jane.doe@example.com";

		@Tool(name = "quote", description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			throw new IllegalStateException(MESSAGE);
		}

	}

	static class HangingQuoteTool {

		@Tool(name = "quote", description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) throws InterruptedException {
			new CountDownLatch(1).await();
			return destination + ": 7.49 EUR";
		}

	}

}
