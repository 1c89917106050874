package io.llmobs.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.test.CallerRunsExecutorService;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;
import org.springframework.ai.rag.retrieval.search.VectorStoreDocumentRetriever;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.llmobs.test.TracedApplication.doubleAttribute;
import static io.llmobs.test.TracedApplication.longAttribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Context accounting as an application gets it: full auto-configuration, Spring AI's
 * OpenAI client over real HTTP to a local OpenAI-compatible server, Spring AI's own
 * retrieval, memory and tool-calling advisors. Expected counts are computed here with
 * jtokkit's {@code o200k_base}, OpenAI's encoding of {@code gpt-4o-mini}, and OpenAI's
 * chat format rule (3 tokens per message, 3 to prime the reply).
 */
class ContextAccountingIntegrationTests {

	private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

	private static final String MODEL_SPAN = "chat gpt-4o-mini";

	private static final String SYSTEM = "You are the quoting assistant of a parcel carrier. Answer with a price in EUR "
			+ "and a delivery time in days, and nothing else.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner();

	@Test
	void systemAndUserInputAreCountedBeforeEveryCallAndRecordedPerSection() {
		run((context) -> {
			String question = "What does a 2 kg parcel from Hamburg to Berlin cost?";
			chatClient(context).prompt()
				.system(SYSTEM)
				.user(question)
				.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
				.call()
				.content();
			MeterRegistry meters = meters(context);
			assertThat(sectionTokens(meters, "quote", "system")).isEqualTo(message(SYSTEM));
			assertThat(sectionTokens(meters, "quote", "user_input")).isEqualTo(message(question) + 3);
			assertThat(section(meters, "quote", "history").count()).as("empty sections are not recorded").isZero();
			assertThat(section(meters, "quote", "tool_definitions").count()).isZero();
			DistributionSummary utilization = meters.get("llmobs.context.utilization")
				.tags("model", "gpt-4o-mini", "stage", "quote")
				.summary();
			assertThat(utilization.count()).isOne();
			assertThat(utilization.totalAmount()).isCloseTo((message(SYSTEM) + message(question) + 3) / 128_000.0,
					within(1e-9));
			SpanData span = span(spans(context), MODEL_SPAN);
			assertThat(longAttribute(span, "llmobs.context.tokens.system")).isEqualTo(message(SYSTEM));
			assertThat(longAttribute(span, "llmobs.agent.iteration")).isEqualTo(1);
			assertThat(doubleAttribute(span, "llmobs.context.utilization")).isCloseTo(utilization.totalAmount(),
					within(1e-9));
		});
	}

	@Test
	void streamedCallsAreAccountedToo() {
		run((context) -> {
			String question = "What does a 2 kg parcel to Berlin cost?";
			String answer = String.join("",
					chatClient(context).prompt()
						.system(SYSTEM)
						.user(question)
						.advisors((a) -> a.param(LlmObsParams.STAGE, "stream"))
						.stream()
						.content()
						.collectList()
						.block());
			assertThat(answer).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
			MeterRegistry meters = meters(context);
			// The model observation stops when the stream completes, on the stream's
			// thread.
			await().until(() -> meters.find("llmobs.context.utilization").tags("stage", "stream").summary() != null);
			assertThat(sectionTokens(meters, "stream", "system")).isEqualTo(message(SYSTEM));
			assertThat(sectionTokens(meters, "stream", "user_input")).isEqualTo(message(question) + 3);
			assertThat(meters.get("llmobs.context.utilization").tags("stage", "stream").summary().count()).isOne();
		});
	}

	@Test
	void retrievedDocumentsAreReadFromTheRetrievalAdvisorAndNotCountedAgainInTheUserInput() {
		run((context) -> {
			SimpleVectorStore store = SimpleVectorStore.builder(context.getBean(EmbeddingModel.class)).build();
			store.add(List.of(new Document("Zone 1 parcels up to 2 kg cost 4.99 EUR and arrive in one day."),
					new Document("Zone 2 parcels up to 2 kg cost 7.49 EUR and arrive in two days."),
					new Document("Zone 3 parcels up to 5 kg cost 12.90 EUR and arrive in three days."),
					new Document("Islands add a surcharge of 9 EUR and one day."),
					new Document("Bulky goods over 31.5 kg travel by freight, quoted on request."),
					new Document("Express delivery before noon adds 6 EUR.")));
			RetrievalAugmentationAdvisor rag = RetrievalAugmentationAdvisor.builder()
				.documentRetriever(VectorStoreDocumentRetriever.builder()
					.vectorStore(store)
					.similarityThreshold(0.0)
					.topK(6)
					.build())
				.build();
			String question = "What does a parcel to Berlin cost?";
			ChatClientResponse response = chatClient(context).prompt()
				.user(question)
				.advisors(rag)
				.advisors((a) -> a.param(LlmObsParams.STAGE, "rag"))
				.call()
				.chatClientResponse();
			@SuppressWarnings("unchecked")
			List<Document> retrieved = (List<Document>) response.context()
				.get(RetrievalAugmentationAdvisor.DOCUMENT_CONTEXT);
			assertThat(retrieved).isNotEmpty();
			long documents = retrieved.stream().mapToLong((document) -> tokens(document.getText())).sum();
			String sentUserMessage = lastMessage(server.lastRequest(), "user");
			assertThat(sentUserMessage).contains(question).contains(retrieved.get(0).getText());
			MeterRegistry meters = meters(context);
			assertThat(sectionTokens(meters, "rag", "retrieved_documents")).isEqualTo(documents);
			assertThat(sectionTokens(meters, "rag", "user_input")).isEqualTo(message(sentUserMessage) + 3 - documents);
		});
	}

	@Test
	void chatMemoryTurnsAreHistory() {
		run((context) -> {
			ChatMemory memory = MessageWindowChatMemory.builder().maxMessages(20).build();
			ChatClient client = chatClient(context).mutate()
				.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
				.build();
			server.enqueue(StubResponse.completion("Hello, how can I help?"),
					StubResponse.completion("Berlin is zone 2."), StubResponse.completion("7.49 EUR."));
			List<String> questions = List.of("Hi", "Which zone is Berlin?", "And the price?");
			long history = 0;
			List<String> answers = List.of("Hello, how can I help?", "Berlin is zone 2.", "7.49 EUR.");
			for (int turn = 0; turn < 3; turn++) {
				client.prompt(questions.get(turn))
					.advisors((a) -> a.param(ChatMemory.CONVERSATION_ID, "c-1").param(LlmObsParams.STAGE, "memory"))
					.call()
					.content();
				if (turn < 2) {
					history += message(questions.get(turn)) + message(answers.get(turn));
				}
			}
			DistributionSummary historyTokens = section(meters(context), "memory", "history");
			assertThat(historyTokens.count()).as("turn 1 has no history").isEqualTo(2);
			assertThat(historyTokens.totalAmount()).as("turn 2 sees turn 1, turn 3 sees turns 1 and 2")
				.isEqualTo((double) (message("Hi") + message(answers.get(0))) + history);
			assertThat(historyTokens.max()).isEqualTo(history);
		});
	}

	@Test
	void eachRoundTripOfTheToolLoopIsAccountedAndTheBudgetFillsIterationByIteration() {
		run((context) -> {
			// No usage, so no calibration: every iteration is counted alike.
			server.enqueue(
					StubResponse.toolCall("call-1", "quote", "{\"destination\":\"Berlin\",\"kilograms\":2}").noUsage(),
					StubResponse.toolCall("call-2", "quote", "{\"destination\":\"Munich\",\"kilograms\":2}").noUsage(),
					StubResponse.completion("Berlin 7.49 EUR, Munich 7.49 EUR.").noUsage());
			chatClient(context).prompt("Quote Berlin and Munich, 2 kg each.")
				.tools(new QuoteTools())
				.advisors((a) -> a.param(LlmObsParams.STAGE, "agent"))
				.call()
				.content();
			assertThat(server.chatRequests()).hasSize(3);
			List<SpanData> modelSpans = spans(context).stream()
				.filter((span) -> span.getName().equals(MODEL_SPAN))
				.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
				.toList();
			assertThat(modelSpans).hasSize(3);
			assertThat(modelSpans).extracting((span) -> longAttribute(span, "llmobs.agent.iteration"))
				.containsExactly(1L, 2L, 3L);
			assertThat(modelSpans).extracting((span) -> longAttribute(span, "llmobs.context.tokens.tool_definitions"))
				.containsOnly(toolDefinitions(ToolCallbacks.from(new QuoteTools())));
			List<Long> toolResults = modelSpans.stream()
				.map((span) -> longAttribute(span, "llmobs.context.tokens.tool_results"))
				.map((tokens) -> (tokens != null) ? tokens : 0L)
				.toList();
			assertThat(toolResults.get(0)).isZero();
			assertThat(toolResults.get(1)).isPositive();
			assertThat(toolResults.get(2)).isGreaterThan(toolResults.get(1));
			assertThat(modelSpans).extracting((span) -> doubleAttribute(span, "llmobs.context.utilization"))
				.isSortedAccordingTo(Comparator.naturalOrder())
				.doesNotHaveDuplicates();
			assertThat(section(meters(context), "agent", "tool_results").count()).as("after the first round trip")
				.isEqualTo(2);
		});
	}

	@Test
	void callsAtTheWarnRatioCountAsThresholdCrossingsAndShowOnTheEndpoint() {
		run(this.runner.withPropertyValues("llmobs.models.gpt-4o-mini.context-window=60",
				"management.endpoints.web.exposure.include=llmobs"), (context) -> {
					ChatClient client = chatClient(context);
					client.prompt("Hi").advisors((a) -> a.param(LlmObsParams.STAGE, "small")).call().content();
					client.prompt()
						.system(SYSTEM)
						.user("Quote Berlin, 2 kg, and explain the zones in detail please.")
						.advisors((a) -> a.param(LlmObsParams.STAGE, "large"))
						.call()
						.content();
					MeterRegistry meters = meters(context);
					assertThat(meters.get("llmobs.context.threshold.exceeded").tags("stage", "small").counter().count())
						.as("registered from zero")
						.isZero();
					assertThat(meters.get("llmobs.context.threshold.exceeded")
						.tags("model", "gpt-4o-mini", "stage", "large")
						.counter()
						.count()).isOne();
					ContextStats.Snapshot snapshot = context.getBean(LlmObsEndpoint.class).llmobs().context();
					assertThat(snapshot).isNotNull();
					ContextStats.Usage large = snapshot.usage().get(0);
					assertThat(large.stage()).isEqualTo("large");
					assertThat(large.thresholdCrossings()).isOne();
					assertThat(large.recentMaxUtilization()).isGreaterThanOrEqualTo(0.8);
					assertThat(snapshot.usage().get(1).thresholdCrossings()).isZero();
				});
	}

	@Test
	void modelWithoutAKnownWindowIsCountedNotGuessed() {
		run(this.runner.withPropertyValues("spring.ai.openai.chat.model=acme-finetune-7"), (context) -> {
			chatClient(context).prompt("Hi").call().content();
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.context.window.unknown").tags("model", "acme-finetune-7").counter().count())
				.isOne();
			assertThat(meters.find("llmobs.context.utilization").summary()).isNull();
			assertThat(meters.get("llmobs.context.tokens").tags("section", "user_input").summary().count()).isOne();
		});
	}

	@Test
	void blockGuardRefusesAnOversizedPromptBeforeAnyRequestIsSent() {
		run(this.runner.withPropertyValues("llmobs.context.block-ratio=0.9",
				"llmobs.models.gpt-4o-mini.context-window=40"), (context) -> {
					ChatClient client = chatClient(context);
					assertThat(client.prompt("Hi").call().content()).isEqualTo(OpenAiCompatibleServer.DEFAULT_CONTENT);
					server.reset();
					assertThatExceptionOfType(ContextWindowExceededException.class)
						.isThrownBy(() -> client.prompt()
							.system(SYSTEM)
							.user("Quote Berlin.")
							.advisors((a) -> a.param(LlmObsParams.STAGE, "guarded"))
							.call()
							.content())
						.withMessageContaining("gpt-4o-mini")
						.withMessageContaining("40-token context window")
						.withMessageContaining("llmobs.context.block-ratio 0.90")
						.withMessageContaining("system=" + message(SYSTEM))
						.withMessageContaining("user_input=" + (message("Quote Berlin.") + 3))
						.satisfies((ex) -> assertThat(ex.getSections()).containsEntry("system", message(SYSTEM)));
					assertThatExceptionOfType(ContextWindowExceededException.class).isThrownBy(
							() -> client.prompt().system(SYSTEM).user("Quote Berlin.").stream().content().blockLast());
					assertThat(server.chatRequests()).as("nothing was sent").isEmpty();
					assertThat(meters(context).get("llmobs.context.blocked")
						.tags("model", "gpt-4o-mini", "stage", "guarded")
						.counter()
						.count()).isOne();
				});
	}

	@Test
	void calibrationConvergesOnAProviderThatCountsByAFixedFactor() {
		run((context) -> {
			server.promptTokens((request) -> Math.round(1.25 * providerCount(request)));
			ChatClient client = chatClient(context);
			List<String> questions = List.of("Hi", "What does a parcel to Berlin cost?",
					"Quote Hamburg to Munich, 5 kg, express, and tell me which zone applies and why.", "Price?",
					"I send 3 parcels of 2, 4 and 12 kg to Cologne, Dresden and Sylt; what is the total?");
			DistributionSummary error = meters(context).summary("llmobs.context.estimate.error", "model",
					"gpt-4o-mini");
			List<Double> errors = new ArrayList<>();
			for (String question : questions) {
				double before = error.totalAmount();
				client.prompt().system(SYSTEM).user(question).call().content();
				errors.add(error.totalAmount() - before);
			}
			assertThat(error.count()).isEqualTo(questions.size());
			assertThat(errors.get(0)).as("the first call, uncorrected: 1 - 1 / 1.25").isCloseTo(0.2, within(0.01));
			assertThat(errors.subList(1, errors.size())).as("every later call")
				.allSatisfy((later) -> assertThat(later).isLessThanOrEqualTo(0.03));
			ContextCalibration.ModelCalibration.Snapshot calibration = context.getBean(ContextStats.class)
				.snapshot()
				.calibration()
				.get("gpt-4o-mini");
			assertThat(calibration.factor()).isCloseTo(1.25, within(0.01));
			assertThat(calibration.samples()).isEqualTo(questions.size());
		});
	}

	@Test
	void defaultBackgroundTokenizerCountsNewTextsWhileTheProviderWorks() {
		run(this.runner, false, (context) -> {
			ChatClient client = chatClient(context);
			client.prompt("Hi").call().content();
			ContextStats stats = context.getBean(ContextStats.class);
			await().untilAsserted(
					() -> assertThat(stats.snapshot().cache().pending()).as("vocabulary loaded, 'Hi' counted")
						.isZero());
			server.enqueue(StubResponse.completion("7.49 EUR").delay(Duration.ofMillis(300)));
			String question = "What does a 2 kg parcel from Hamburg to Berlin cost, and how long does it take?";
			client.prompt()
				.system(SYSTEM)
				.user(question)
				.advisors((a) -> a.param(LlmObsParams.STAGE, "async"))
				.call()
				.content();
			MeterRegistry meters = meters(context);
			assertThat(sectionTokens(meters, "async", "system")).isEqualTo(message(SYSTEM));
			assertThat(sectionTokens(meters, "async", "user_input")).isEqualTo(message(question) + 3);
			assertThat(stats.snapshot().cache().pending()).isZero();
		});
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		run(this.runner, test);
	}

	private static void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		run(runner, true, test);
	}

	/**
	 * Runs the test; with {@code sameThread}, texts are tokenized on the caller's thread,
	 * so counts are exact.
	 */
	private static void run(ApplicationContextRunner runner, boolean sameThread,
			Consumer<AssertableApplicationContext> test) {
		server.reset();
		server.promptTokens(ContextAccountingIntegrationTests::providerCount);
		ApplicationContextRunner configured = runner
			.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl());
		if (sameThread) {
			configured = configured.withUserConfiguration(SameThreadTokenizing.class);
		}
		configured.run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	/**
	 * What the stub provider counts: OpenAI's rule over the message contents as they
	 * arrived; llmobs counts the same for plain text prompts, so the calibration learns a
	 * factor of 1.
	 */
	private static long providerCount(RecordedRequest request) {
		long count = 3;
		for (JsonNode message : request.messages()) {
			count += 3 + tokens(message.path("content").asString(""));
		}
		return count;
	}

	private static long toolDefinitions(ToolCallback[] callbacks) {
		long tokens = PromptSectionCounter.TOOLS_OVERHEAD;
		for (ToolCallback callback : callbacks) {
			ToolDefinition definition = callback.getToolDefinition();
			// Jackson writes the schema compact, as it travels to the provider.
			tokens += PromptSectionCounter.TOOL_OVERHEAD + tokens(definition.name()) + tokens(definition.description())
					+ tokens(JSON.readTree(definition.inputSchema()).toString());
		}
		return tokens;
	}

	private static String lastMessage(RecordedRequest request, String role) {
		String content = null;
		for (JsonNode message : request.messages()) {
			if (role.equals(message.path("role").asString())) {
				content = message.path("content").asString();
			}
		}
		assertThat(content).as("a %s message", role).isNotNull();
		return content;
	}

	private static long message(String text) {
		return 3 + tokens(text);
	}

	private static long tokens(String text) {
		return O200K.countTokensOrdinary(text);
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	private static DistributionSummary section(MeterRegistry meters, String stage, String section) {
		return meters.get("llmobs.context.tokens").tags("stage", stage, "section", section).summary();
	}

	private static long sectionTokens(MeterRegistry meters, String stage, String section) {
		DistributionSummary summary = section(meters, stage, section);
		assertThat(summary.count()).as("%s calls", section).isOne();
		return (long) summary.totalAmount();
	}

	/** Parcel quotes, as a tool. */
	static class QuoteTools {

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination, double kilograms) {
			return destination + ": 7.49 EUR, 2 days";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SameThreadTokenizing {

		@Bean
		ContextInstrumentation llmObsContextInstrumentation(ModelCatalog catalog, ModelCallAccounting modelCalls,
				InstrumentationErrors errors, MeterRegistry meterRegistry) {
			// The default calibration smoothing and warn ratio.
			return new ContextInstrumentation(
					new ContextInstrumentation.Settings(10_000, Duration.ofMinutes(10), 1_000, 0.2, 0.8),
					new CallerRunsExecutorService(), catalog, modelCalls, errors, meterRegistry);
		}

	}

}
