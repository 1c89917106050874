package io.llmobs.conversation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.InMemoryChatMemoryRepository;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.doubleAttribute;
import static io.llmobs.test.TracedApplication.longAttribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations as an application has them: a web application with full
 * auto-configuration, Spring AI's chat memory ({@link MessageChatMemoryAdvisor} over an
 * {@link InMemoryChatMemoryRepository}), its OpenAI client over real HTTP to a local
 * OpenAI-compatible server, spans through the OpenTelemetry SDK and
 * {@code /actuator/llmobs} read over HTTP.
 */
class ConversationIntegrationTests {

	private static final String CLIENT_SPAN = "spring_ai chat_client";

	private static final String MODEL_SPAN = "chat gpt-4o-mini";

	private static OpenAiCompatibleServer model;

	private static ConfigurableApplicationContext application;

	@BeforeAll
	static void start() {
		model = OpenAiCompatibleServer.start();
		application = new SpringApplicationBuilder(TracedApplication.class).web(WebApplicationType.SERVLET)
			.properties(TracedApplication.PROPERTIES)
			.properties("server.port=0", "spring.main.banner-mode=off",
					"management.endpoints.web.exposure.include=llmobs", "spring.ai.openai.base-url=" + model.baseUrl())
			.run();
	}

	@AfterAll
	static void stop() {
		application.close();
		model.close();
	}

	@BeforeEach
	void reset() {
		application.getBean(InMemorySpanExporter.class).reset();
	}

	@Test
	void chatMemoryConversationIdIsOnEverySpanOfItsTurnsWithTheHistorysGrowingShareOfTheWindow() {
		ChatClient memoryClient = memoryClient();
		for (int turn = 1; turn <= 3; turn++) {
			remember(memoryClient, "conv-spans",
					"Question " + turn + " about parcels to Berlin and their delivery times?");
		}
		List<SpanData> spans = TracedApplication.spans(application);
		List<SpanData> clientSpans = ofConversation(spans, CLIENT_SPAN, "conv-spans");
		List<SpanData> modelSpans = ofConversation(spans, MODEL_SPAN, "conv-spans");
		assertThat(clientSpans).extracting((span) -> longAttribute(span, ConversationSpanAttributes.TURN))
			.containsExactly(1L, 2L, 3L);
		assertThat(modelSpans).extracting((span) -> longAttribute(span, ConversationSpanAttributes.TURN))
			.containsExactly(1L, 2L, 3L);
		List<Double> historyRatios = modelSpans.stream()
			.map((span) -> doubleAttribute(span, ConversationSpanAttributes.HISTORY_RATIO))
			.toList();
		assertThat(historyRatios.get(0)).as("no history at the first turn").isZero();
		assertThat(historyRatios.get(1)).isPositive();
		assertThat(historyRatios.get(2)).as("the history grows turn by turn").isGreaterThan(historyRatios.get(1));
		assertThat(model.chatRequests().get(model.chatRequests().size() - 1).messages()).as("memory sent the history")
			.hasSize(5);
	}

	@Test
	void llmobsParameterNamesAConversationWithoutChatMemoryAndPlainCallsHaveNone() {
		ChatClient plain = application.getBean(ChatClient.Builder.class).build();
		plain.prompt("Where is my parcel?")
			.advisors((a) -> a.param(LlmObsParams.CONVERSATION_ID, "conv-param"))
			.call()
			.content();
		plain.prompt("Hello").call().content();
		List<SpanData> spans = TracedApplication.spans(application);
		assertThat(ofConversation(spans, CLIENT_SPAN, "conv-param")).hasSize(1);
		assertThat(ofConversation(spans, MODEL_SPAN, "conv-param")).hasSize(1);
		assertThat(spans).filteredOn((span) -> span.getName().equals(CLIENT_SPAN))
			.filteredOn((span) -> attribute(span, ConversationSpanAttributes.CONVERSATION_ID) == null)
			.hasSize(1);
	}

	@Test
	void endpointListsTheCostliestConversationsAndNoMeterIsTaggedWithOne() throws Exception {
		ChatClient memoryClient = memoryClient();
		for (int turn = 1; turn <= 3; turn++) {
			remember(memoryClient, "conv-long", "Question " + turn + " about the long conversation?");
		}
		remember(memoryClient, "conv-short", "A single question?");
		JsonNode conversations = endpoint().path("conversations");
		assertThat(conversations.path("maxTracked").asLong()).isEqualTo(1000);
		JsonNode costliest = conversations.path("costliest");
		List<String> ids = costliest.valueStream().map((conversation) -> conversation.path("id").asString()).toList();
		assertThat(ids).containsSubsequence("conv-long", "conv-short");
		JsonNode longest = costliest.get(ids.indexOf("conv-long"));
		assertThat(longest.path("turns").asInt()).isEqualTo(3);
		assertThat(longest.path("inputTokens").asLong()).isEqualTo(30);
		assertThat(longest.path("outputTokens").asLong()).isEqualTo(15);
		assertThat(longest.path("costUsd").asDouble())
			.isGreaterThan(costliest.get(ids.indexOf("conv-short")).path("costUsd").asDouble());
		assertThat(longest.path("peakContextUtilization").asDouble()).isPositive();
		assertThat(longest.path("historyRatio").asDouble()).isPositive();
		assertThat(longest.path("firstSeen").asString()).isNotEmpty();
		MeterRegistry meters = application.getBean(MeterRegistry.class);
		assertThat(meters.get(ConversationMetricNames.HISTORY_RATIO)
			.tags("model", "gpt-4o-mini", "stage", "default")
			.summary()
			.count()).isGreaterThanOrEqualTo(4);
		assertThat(meters.getMeters()).flatExtracting((meter) -> tagValues(meter))
			.doesNotContain("conv-long", "conv-short", "conv-spans", "conv-param");
	}

	private static List<String> tagValues(Meter meter) {
		return meter.getId().getTags().stream().map(Tag::getValue).toList();
	}

	private static JsonNode endpoint() throws IOException, InterruptedException {
		String port = application.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/llmobs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static ChatClient memoryClient() {
		ChatMemory memory = MessageWindowChatMemory.builder()
			.chatMemoryRepository(new InMemoryChatMemoryRepository())
			.build();
		return application.getBean(ChatClient.Builder.class)
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
			.build();
	}

	private static void remember(ChatClient client, String conversationId, String question) {
		client.prompt(question).advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, conversationId)).call().content();
	}

	/** The spans of a name in a conversation, in the order they started. */
	private static List<SpanData> ofConversation(List<SpanData> spans, String name, String conversationId) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name))
			.filter((span) -> conversationId.equals(attribute(span, ConversationSpanAttributes.CONVERSATION_ID)))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

}
