package io.llmobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.llmobs.chat.LlmObs;
import io.llmobs.chat.LlmTask;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.SemanticConventionRegistry;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.doubleAttribute;
import static io.llmobs.test.TracedApplication.longAttribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every {@code gen_ai.*} name that an application gets through the starter, checked
 * against the whole OpenTelemetry GenAI registry ({@code src/test/resources/semconv/}): a
 * plain call, a stream, a tool loop inside a task and the judge's scoring of each, over
 * real HTTP with Spring AI's OpenAI client, and an embedding, their spans exported
 * through the OpenTelemetry SDK and their meters as registered.
 */
class SemanticConventionsIntegrationTests {

	private static final String JUDGE_MODEL = "gpt-4o";

	private static final String VERDICT = """
			{"scores": {"faithfulness": 0.75, "relevance": 1.0}, "label": "pass", "explanation": "Supported.", \
			"failure_category": "none"}""";

	/**
	 * Spring AI's own meters, which the public contract keeps as they are: their tags are
	 * low-cardinality key values of its observations, which carry the deprecated
	 * {@code gen_ai.system}; {@code gen_ai.client.operation} is a timer named after the
	 * observation (the registry's {@code gen_ai.client.operation.duration}) and
	 * {@code gen_ai.client.token.usage} a counter with a {@code total} token type.
	 */
	private static final Set<String> SPRING_AI_METERS = Set.of("gen_ai.client.operation",
			"gen_ai.client.operation.active", "gen_ai.client.token.usage");

	/**
	 * Spans of a registry operation whose names are not the registry's: Spring AI's
	 * {@code ChatClient} span and llmobs's task and judgement spans, whose names the
	 * public contract keeps.
	 */
	private static final Set<String> NAMES_KEPT = Set.of("spring_ai chat_client", "llmobs.task", "llmobs.judge");

	private static final SemanticConventionRegistry registry = SemanticConventionRegistry.get();

	private static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private static List<SpanData> spans;

	private static List<Meter> meters;

	@BeforeAll
	static void runScenarios() {
		try (server) {
			run((context) -> {
				spans = TracedApplication.spans(context);
				meters = List.copyOf(context.getBean(MeterRegistry.class).getMeters());
			});
		}
	}

	@Test
	void everyGenAiAttributeOfTheExportedSpansIsARegistryAttributeOfTheRegistryType() {
		assertThat(genAiAttributes(spans)).as("the scenarios' gen_ai attributes")
			.contains("gen_ai.usage.input_tokens", "gen_ai.response.finish_reasons", "gen_ai.request.temperature",
					"gen_ai.response.time_to_first_chunk", "gen_ai.workflow.name", "gen_ai.tool.name",
					"gen_ai.agent.name");
		for (SpanData span : spans) {
			span.getAttributes().forEach((key, value) -> {
				if (isGenAi(key.getKey())) {
					assertThat(registry.isAttribute(key.getKey())).as("%s on %s", key, span.getName()).isTrue();
					assertThat(registry.isDeprecated(key.getKey())).as("%s on %s", key, span.getName()).isFalse();
					assertThat(key.getType()).as("type of %s on %s", key, span.getName())
						.isEqualTo(otelType(registry.type(key.getKey()), key.getType()));
				}
			});
		}
	}

	@Test
	void everyEnumValueOnTheExportedSpansIsARegistryValue() {
		Set<String> operations = new TreeSet<>();
		for (SpanData span : spans) {
			span.getAttributes().forEach((key, value) -> {
				Set<String> values = registry.enumValues(key.getKey());
				if (key.getKey().startsWith("gen_ai.") && !values.isEmpty()) {
					assertThat(values).as("%s on %s", key, span.getName()).contains(String.valueOf(value));
				}
			});
			String operation = attribute(span, "gen_ai.operation.name");
			if (operation != null) {
				operations.add(operation);
			}
		}
		assertThat(operations).containsExactly("chat", "embeddings", "execute_tool", "invoke_agent", "invoke_workflow");
	}

	@Test
	void everyGenAiEventIsARegistryEventWithItsAttributes() {
		List<EventData> events = spans.stream()
			.flatMap((span) -> span.getEvents().stream())
			.filter((event) -> isGenAi(event.getName()))
			.toList();
		assertThat(events).extracting(EventData::getName).contains("gen_ai.evaluation.result");
		assertThat(events).allSatisfy((event) -> {
			assertThat(registry.isDeprecated(event.getName())).as(event.getName()).isFalse();
			assertThat(registry.eventAttributes(event.getName())).as(event.getName())
				.isNotNull()
				.containsAll(genAiKeys(event.getAttributes()));
		});
	}

	@Test
	void spansOfRegistryOperationsAreNamedAsTheRegistrySaysButForTheNamesTheContractKeeps() {
		Set<String> others = new TreeSet<>();
		for (SpanData span : spans) {
			if (attribute(span, "gen_ai.operation.name") != null
					&& !registry.isSpanName(span.getName(), (key) -> attribute(span, key))) {
				others.add(span.getName());
			}
		}
		assertThat(others).isEqualTo(NAMES_KEPT);
		assertThat(spans).extracting(SpanData::getName)
			.contains("chat gpt-4o-mini", "execute_tool quote", "embeddings text-embedding-ada-002");
	}

	@Test
	void everyGenAiMeterOfLlmObsIsARegistryMetricWithItsUnitAndAttributes() {
		List<Meter> genAi = meters.stream()
			.filter((meter) -> isGenAi(meter.getId().getName()))
			.filter((meter) -> !SPRING_AI_METERS.contains(meter.getId().getName()))
			.toList();
		assertThat(genAi).extracting((meter) -> meter.getId().getName())
			.contains("gen_ai.client.operation.time_to_first_chunk", "gen_ai.execute_tool.duration",
					"gen_ai.workflow.duration");
		for (Meter meter : genAi) {
			SemanticConventionRegistry.Metric metric = registry.metric(meter.getId().getName());
			assertThat(metric).as(meter.getId().getName()).isNotNull();
			assertThat(metric.instrument()).isEqualTo("histogram");
			if ("s".equals(metric.unit())) {
				assertThat(meter).as(meter.getId().getName()).isInstanceOf(Timer.class);
			}
			else {
				assertThat(meter).as(meter.getId().getName()).isInstanceOf(DistributionSummary.class);
				assertThat(meter.getId().getBaseUnit()).isEqualTo(metric.unit());
			}
			for (Tag tag : meter.getId().getTags()) {
				assertThat(metric.attributes()).as("%s of %s", tag.getKey(), metric).contains(tag.getKey());
				Set<String> values = registry.enumValues(tag.getKey());
				// error.type is open: its only registry value is the fallback _OTHER.
				if (tag.getKey().startsWith("gen_ai.") && !values.isEmpty()) {
					assertThat(values).as("%s of %s", tag, metric).contains(tag.getValue());
				}
			}
		}
		assertThat(meters).extracting((meter) -> meter.getId().getName())
			.as("Spring AI's meters, left as they are")
			.filteredOn(SemanticConventionsIntegrationTests::isGenAi)
			.containsAll(SPRING_AI_METERS);
	}

	@Test
	void streamCarriesItsTimeToFirstChunkOnTheChatClientSpanAndItsMeter() {
		SpanData stream = spans.stream()
			.filter((span) -> "true".equals(attribute(span, "spring.ai.chat.client.stream")))
			.findFirst()
			.orElseThrow();
		assertThat(doubleAttribute(stream, "gen_ai.response.time_to_first_chunk")).isPositive().isLessThan(10.0);
		Timer timer = timer("gen_ai.client.operation.time_to_first_chunk");
		assertThat(timer.count()).isOne();
		assertThat(timer.getId().getTags()).containsExactlyInAnyOrder(Tag.of("gen_ai.operation.name", "chat"),
				Tag.of("gen_ai.provider.name", "openai"), Tag.of("gen_ai.response.model", "gpt-4o-mini"));
	}

	@Test
	void taskIsAWorkflowAndItsToolCallsAreTimedAsTheRegistrySays() {
		SpanData task = TracedApplication.span(spans, "llmobs.task");
		assertThat(attribute(task, "gen_ai.operation.name")).isEqualTo("invoke_workflow");
		assertThat(attribute(task, "gen_ai.workflow.name")).isEqualTo("shipping-quote");
		assertThat(timer("gen_ai.workflow.duration").getId().getTags())
			.containsExactlyInAnyOrder(Tag.of("gen_ai.workflow.name", "shipping-quote"), Tag.of("error.type", "none"));
		assertThat(timer("gen_ai.execute_tool.duration").getId().getTags()).containsExactlyInAnyOrder(
				Tag.of("gen_ai.tool.name", "quote"), Tag.of("gen_ai.tool.type", "function"),
				Tag.of("error.type", "none"));
		assertThat(timer("llmobs.task").count()).as("llmobs's own meters stay").isOne();
		assertThat(timer("llmobs.tool").count()).isOne();
	}

	@Test
	void modelSpansCarrySpringAiNumbersAndListsTypedAndNoLegacyName() {
		SpanData call = spans.stream()
			.filter((span) -> Double.valueOf(0.2).equals(doubleAttribute(span, "gen_ai.request.temperature")))
			.findFirst()
			.orElseThrow();
		assertThat(longAttribute(call, "gen_ai.usage.input_tokens")).isEqualTo(25);
		assertThat(longAttribute(call, "gen_ai.usage.output_tokens")).isEqualTo(3);
		assertThat(longAttribute(call, "gen_ai.request.max_tokens")).isEqualTo(100);
		assertThat(doubleAttribute(call, "gen_ai.request.top_p")).isEqualTo(0.9);
		assertThat(call.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly("stop");
		assertThat(call.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
			.doesNotContain("gen_ai.system", "gen_ai.usage.total_tokens");
	}

	@Test
	void legacyAttributesKeepTheNamesDashboardsMayUse() {
		OpenAiCompatibleServer legacyServer = OpenAiCompatibleServer.start();
		try (legacyServer) {
			legacyServer.enqueue(StubResponse.completion("hi").usage(25, 3));
			TracedApplication.runner()
				.withPropertyValues("spring.ai.openai.base-url=" + legacyServer.baseUrl(),
						"llmobs.semconv.legacy-attributes=true")
				.run((context) -> {
					context.getBean(ChatClient.Builder.class).build().prompt("hi").call().content();
					List<SpanData> legacy = TracedApplication.spans(context);
					SpanData model = TracedApplication.span(legacy, "chat gpt-4o-mini");
					assertThat(attribute(model, "gen_ai.system")).isEqualTo("openai");
					assertThat(attribute(model, "gen_ai.usage.total_tokens")).isEqualTo("28");
					assertThat(longAttribute(model, "gen_ai.usage.input_tokens")).as("typed either way").isEqualTo(25);
					assertThat(
							attribute(TracedApplication.span(legacy, "spring_ai chat_client"), "gen_ai.operation.name"))
						.isEqualTo("framework");
				});
		}
	}

	private static Timer timer(String name) {
		return meters.stream()
			.filter((meter) -> meter.getId().getName().equals(name))
			.map(Timer.class::cast)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no timer " + name));
	}

	private static boolean isGenAi(String name) {
		return name.startsWith("gen_ai.") || name.startsWith("mcp.");
	}

	private static Set<String> genAiAttributes(List<SpanData> spans) {
		Set<String> keys = new TreeSet<>();
		spans.forEach((span) -> keys.addAll(genAiKeys(span.getAttributes())));
		return keys;
	}

	private static List<String> genAiKeys(Attributes attributes) {
		List<String> keys = new ArrayList<>();
		attributes.forEach((key, value) -> {
			if (isGenAi(key.getKey())) {
				keys.add(key.getKey());
			}
		});
		return keys;
	}

	/** The OpenTelemetry type of a registry type; {@code any} accepts what it gets. */
	private static AttributeType otelType(String registryType, AttributeType actual) {
		return switch (registryType) {
			case "int" -> AttributeType.LONG;
			case "double" -> AttributeType.DOUBLE;
			case "boolean" -> AttributeType.BOOLEAN;
			case "string[]" -> AttributeType.STRING_ARRAY;
			case "int[]" -> AttributeType.LONG_ARRAY;
			case "any" -> actual;
			default -> AttributeType.STRING;
		};
	}

	private static void run(Consumer<AssertableApplicationContext> test) {
		server.respondWith((request) -> {
			if (JUDGE_MODEL.equals(request.model())) {
				return StubResponse.completion(VERDICT).model(JUDGE_MODEL);
			}
			JsonNode messages = request.messages();
			if ("tool".equals(messages.get(messages.size() - 1).path("role").asString())) {
				return StubResponse.completion("7.49 EUR");
			}
			if (request.body().has("tools")) {
				return StubResponse.toolCall("call-1", "quote", "{\"destination\":\"Berlin\"}");
			}
			return StubResponse.completion("one two three").chunks(3).usage(25, 3);
		});
		TracedApplication.runner()
			.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "llmobs.judge.enabled=true",
					"llmobs.judge.model=" + JUDGE_MODEL, "llmobs.judge.sample-rate=1.0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ChatClient client = context.getBean(ChatClient.Builder.class).build();
				client.prompt("hi")
					.options(OpenAiChatOptions.builder().temperature(0.2).topP(0.9).maxTokens(100))
					.call()
					.content();
				client.prompt("count").stream().content().blockLast(Duration.ofSeconds(10));
				context.getBean(EmbeddingModel.class).embed("Berlin");
				try (LlmTask task = context.getBean(LlmObs.class).task("shipping-quote")) {
					client.prompt("Ship 2 kg to Berlin").tools(new QuoteTools()).call().content();
					task.success();
				}
				await().atMost(Duration.ofSeconds(10))
					.until(() -> TracedApplication.spans(context)
						.stream()
						.filter((span) -> span.getName().equals("llmobs.judge"))
						.count() == 3);
				test.accept(context);
			});
	}

	static class QuoteTools {

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			return destination + ": 7.49 EUR";
		}

	}

}
