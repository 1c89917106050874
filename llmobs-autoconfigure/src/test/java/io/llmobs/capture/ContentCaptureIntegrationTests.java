package io.llmobs.capture;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.longAttribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content capture and PII counts as an application gets them: full auto-configuration,
 * Spring AI's OpenAI client over real HTTP to a local server, its tool-calling advisor
 * and vector store, spans through the OpenTelemetry SDK.
 */
class ContentCaptureIntegrationTests {

	private static final String MODEL_SPAN = "chat gpt-4o-mini";

	private static final String SYSTEM = "You are the support assistant of Acme. Escalations go to escalations@acme.example.com.";

	private static final String QUESTION = "Hi, I am Jane (jane.doe@example.com, +44 121 234 5678). "
			+ "Please refund card 4111 1111 1111 1111 to IBAN DE89 3704 0044 0532 0130 00.";

	private static final String ANSWER = "Done. We will confirm to jane.doe@example.com within two days.";

	private static final List<String> RAW = List.of("escalations@acme.example.com", "jane.doe@example.com",
			"+44 121 234 5678", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner();

	@Test
	void capturedMessagesFollowTheSemanticConventionsAndHoldPlaceholdersNeverTheRawValues() {
		run(this.runner.withPropertyValues("llmobs.capture.content=true"), (context) -> {
			server.enqueue(StubResponse.completion(ANSWER));
			ask(context);
			SpanData span = span(spans(context), MODEL_SPAN);
			String system = attribute(span, "gen_ai.system_instructions");
			String input = attribute(span, "gen_ai.input.messages");
			String output = attribute(span, "gen_ai.output.messages");
			assertThat(json(system)).isEqualTo(json("[{\"type\":\"text\",\"content\":"
					+ "\"You are the support assistant of Acme. Escalations go to <EMAIL>.\"}]"));
			assertThat(json(input)).isEqualTo(json("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":"
					+ "\"Hi, I am Jane (<EMAIL>, <PHONE>). Please refund card <CREDIT_CARD> to IBAN <IBAN>.\"}]}]"));
			assertThat(json(output)).isEqualTo(json("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
					+ "\"content\":\"Done. We will confirm to <EMAIL> within two days.\"}],\"finish_reason\":\"stop\"}]"));
			span.getAttributes()
				.forEach((key, value) -> RAW.forEach(
						(raw) -> assertThat(value.toString()).as("attribute %s", key.getKey()).doesNotContain(raw)));
		});
	}

	@Test
	void entitiesAreCountedExactlyPerTypeAndDirectionWithCaptureOff() {
		run(this.runner, (context) -> {
			server.enqueue(StubResponse.completion(ANSWER));
			ask(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(entities(meters, "email", "input")).isEqualTo(2);
			assertThat(entities(meters, "phone", "input")).isEqualTo(1);
			assertThat(entities(meters, "credit_card", "input")).isEqualTo(1);
			assertThat(entities(meters, "iban", "input")).isEqualTo(1);
			assertThat(entities(meters, "ssn", "input")).isZero();
			assertThat(entities(meters, "email", "output")).isEqualTo(1);
			assertThat(entities(meters, "phone", "output")).isZero();
			SpanData span = span(spans(context), MODEL_SPAN);
			assertThat(span.getAttributes().asMap().keySet())
				.noneMatch((key) -> key.getKey().contains("messages") || key.getKey().contains("system_instructions"));
		});
	}

	@Test
	void scanningCanBeTurnedOff() {
		run(this.runner.withPropertyValues("llmobs.pii.enabled=false"), (context) -> {
			server.enqueue(StubResponse.completion(ANSWER));
			ask(context);
			assertThat(context.getBean(MeterRegistry.class).find("llmobs.pii.entities").counters()).isEmpty();
		});
	}

	@Test
	void eachCapturedTextIsCutAfterRedaction() {
		run(this.runner.withPropertyValues("llmobs.capture.content=true", "llmobs.capture.max-length=24"),
				(context) -> {
					server.enqueue(StubResponse.completion(ANSWER));
					ask(context);
					JsonNode input = json(attribute(span(spans(context), MODEL_SPAN), "gen_ai.input.messages"));
					assertThat(input.get(0).get("parts").get(0).get("content").asString())
						.isEqualTo("Hi, I am Jane (<EMAIL>, ");
				});
	}

	@Test
	void toolResultsAreCountedOnceAndSpringAiToolContentIsRedacted() {
		run(this.runner.withPropertyValues("llmobs.capture.content=true",
				"spring.ai.tools.observations.include-content=true"), (context) -> {
					AtomicInteger ids = new AtomicInteger();
					server.respondWith((request) -> "tool".equals(lastRole(request))
							? StubResponse.completion("Your contact is on file.")
							: StubResponse.toolCall("call-" + ids.incrementAndGet(), "customer",
									"{\"email\":\"jane.doe@example.com\"}"));
					String answer = context.getBean(ChatClient.Builder.class)
						.build()
						.prompt("What contact do you have for me?")
						.tools(new CustomerTools())
						.call()
						.content();
					assertThat(answer).isEqualTo("Your contact is on file.");
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					// The model asked with the e-mail address (output); the tool answered
					// with it and a phone (input), counted once although the second model
					// call resends the whole history.
					assertThat(entities(meters, "email", "output")).isEqualTo(1);
					assertThat(entities(meters, "email", "input")).isEqualTo(1);
					assertThat(entities(meters, "phone", "input")).isEqualTo(1);
					List<SpanData> spans = spans(context);
					SpanData tool = span(spans, "execute_tool customer");
					assertThat(attribute(tool, "spring.ai.tool.call.arguments")).isEqualTo("{\"email\":\"<EMAIL>\"}");
					assertThat(attribute(tool, "spring.ai.tool.call.result")).contains("<EMAIL>", "<PHONE>")
						.doesNotContain("jane.doe@example.com", "212-736-5000");
					SpanData second = spans.stream()
						.filter((span) -> span.getName().equals(MODEL_SPAN))
						.filter((span) -> Long.valueOf(2).equals(longAttribute(span, "llmobs.agent.iteration")))
						.findFirst()
						.orElseThrow();
					JsonNode input = json(attribute(second, "gen_ai.input.messages"));
					assertThat(input.get(1).get("parts").get(0).get("type").asString()).isEqualTo("tool_call");
					assertThat(input.get(1).get("parts").get(0).get("arguments").get("email").asString())
						.isEqualTo("<EMAIL>");
					assertThat(input.get(2).get("role").asString()).isEqualTo("tool");
					assertThat(input.get(2).get("parts").get(0).get("type").asString()).isEqualTo("tool_call_response");
					assertThat(input.get(2).get("parts").get(0).get("response").asString()).contains("<EMAIL>")
						.doesNotContain("jane.doe@example.com");
				});
	}

	@Test
	void valuesInPunctuationAreRedactedOnTheSpanAndCountedWithTheirPunctuationKept() {
		String question = "Hi, it's me again (4111 1111 1111 1111), where is my refund? I wrote from (203.0.113.7); "
				+ "call ((212) 555-4758) or +1 555 010 4758.";
		run(this.runner.withPropertyValues("llmobs.capture.content=true"), (context) -> {
			server.enqueue(StubResponse.completion("Noted."));
			context.getBean(ChatClient.Builder.class).build().prompt(question).call().content();
			String input = attribute(span(spans(context), MODEL_SPAN), "gen_ai.input.messages");
			assertThat(json(input).get(0).get("parts").get(0).get("content").asString())
				.isEqualTo("Hi, it's me again (<CREDIT_CARD>), where is my refund? I wrote from (<IP_ADDRESS>); "
						+ "call (<PHONE>) or <PHONE>.");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(entities(meters, "credit_card", "input")).isEqualTo(1);
			assertThat(entities(meters, "ip_address", "input")).isEqualTo(1);
			assertThat(entities(meters, "phone", "input")).isEqualTo(2);
		});
	}

	@Test
	void vectorStoreQueryTextIsRedacted() {
		run(this.runner, (context) -> {
			SimpleVectorStore store = SimpleVectorStore.builder(context.getBean(EmbeddingModel.class))
				.observationRegistry(context.getBean(ObservationRegistry.class))
				.build();
			store.add(List.of(new Document("Refunds take two days.")));
			store.similaritySearch(SearchRequest.builder().query("refund status for jane.doe@example.com").build());
			SpanData query = spans(context).stream()
				.filter((span) -> attribute(span, "db.vector.query.content") != null)
				.findFirst()
				.orElseThrow();
			assertThat(attribute(query, "db.vector.query.content")).isEqualTo("refund status for <EMAIL>");
		});
	}

	@Test
	void userPatternsAddTypesWithTheirPlaceholderAndCounter() {
		run(this.runner.withPropertyValues("llmobs.capture.content=true",
				"llmobs.redaction.patterns.employee-id=EMP-\\d{6}"), (context) -> {
					server.enqueue(StubResponse.completion("Noted for EMP-004211."));
					context.getBean(ChatClient.Builder.class).build().prompt("I am EMP-004211").call().content();
					String output = attribute(span(spans(context), MODEL_SPAN), "gen_ai.output.messages");
					assertThat(output).contains("Noted for <EMPLOYEE_ID>.").doesNotContain("004211");
					MeterRegistry meters = context.getBean(MeterRegistry.class);
					assertThat(entities(meters, "employee_id", "input")).isEqualTo(1);
					assertThat(entities(meters, "employee_id", "output")).isEqualTo(1);
				});
	}

	@Test
	void withRedactionOffCapturedContentIsRaw() {
		run(this.runner.withPropertyValues("llmobs.capture.content=true", "llmobs.redaction.enabled=false"),
				(context) -> {
					server.enqueue(StubResponse.completion(ANSWER));
					ask(context);
					assertThat(attribute(span(spans(context), MODEL_SPAN), "gen_ai.input.messages"))
						.contains("jane.doe@example.com");
				});
	}

	private static void ask(AssertableApplicationContext context) {
		String answer = context.getBean(ChatClient.Builder.class)
			.build()
			.prompt()
			.system(SYSTEM)
			.user(QUESTION)
			.call()
			.content();
		assertThat(answer).isEqualTo(ANSWER);
	}

	private static double entities(MeterRegistry meters, String type, String direction) {
		Counter counter = meters.find("llmobs.pii.entities").tags("type", type, "direction", direction).counter();
		assertThat(counter).as("llmobs.pii.entities{type=%s,direction=%s}", type, direction).isNotNull();
		return counter.count();
	}

	private static JsonNode json(String json) {
		assertThat(json).isNotNull();
		return JSON.readTree(json);
	}

	private static String lastRole(RecordedRequest request) {
		JsonNode messages = request.messages();
		return messages.get(messages.size() - 1).path("role").asString();
	}

	private static void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.reset();
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	static class CustomerTools {

		@Tool(description = "Looks up the customer's contact details by e-mail address")
		String customer(String email) {
			return "Customer " + email + ", phone 212-736-5000";
		}

	}

}
