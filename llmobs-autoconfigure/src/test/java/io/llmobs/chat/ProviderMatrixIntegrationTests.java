package io.llmobs.chat;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.llmobs.context.ContextInstrumentation;
import io.llmobs.core.LlmObsParams;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.TokenPrices;
import io.llmobs.test.AnthropicCompatibleServer;
import io.llmobs.test.GeminiCompatibleServer;
import io.llmobs.test.OllamaCompatibleServer;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.OpenAiTestModels;
import io.llmobs.test.ProviderModels;
import io.llmobs.test.StubResponse;
import io.llmobs.test.StubServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.count;
import static io.llmobs.test.TracedApplication.doubleAttribute;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Each provider as an application meets it: Spring AI's real client of the provider over
 * HTTP to a local server that speaks the provider's wire, plain and streamed, with the
 * same usage reported the provider's way; llmobs accounts every one alike.
 */
class ProviderMatrixIntegrationTests {

	/** Input tokens, cached ones included, as llmobs counts them. */
	private static final long INPUT = 160;

	/** Output tokens, reasoning ones included, as llmobs counts them. */
	private static final long OUTPUT = 40;

	private static final long CACHE_READ = 50;

	private static final long CACHE_WRITE = 10;

	private static final long REASONING = 12;

	/** A question whose local estimate is within a factor of four of {@link #INPUT}. */
	private static final String PARCEL_QUESTION = "Where is my parcel to Berlin today? ".repeat(16);

	@RegisterExtension
	static final OpenAiCompatibleServer openAi = OpenAiCompatibleServer.start();

	@RegisterExtension
	static final AnthropicCompatibleServer anthropic = AnthropicCompatibleServer.start();

	@RegisterExtension
	static final GeminiCompatibleServer gemini = GeminiCompatibleServer.start();

	@RegisterExtension
	static final OllamaCompatibleServer ollama = OllamaCompatibleServer.start();

	private static final Map<Provider, ConfigurableApplicationContext> contexts = new EnumMap<>(Provider.class);

	@AfterEach
	void resetServers() {
		Stream.of(Provider.values()).forEach((provider) -> provider.server().reset());
	}

	@AfterAll
	static void closeContexts() {
		contexts.values().forEach(ConfigurableApplicationContext::close);
	}

	static Stream<Arguments> calls() {
		return Stream.of(Provider.values())
			.flatMap((provider) -> Stream.of(false, true).map((streamed) -> Arguments.of(provider, streamed)));
	}

	@ParameterizedTest(name = "{0}, streamed: {1}")
	@MethodSource("calls")
	void tokensCacheReasoningAndCostAreAccountedAlikeForEveryProvider(Provider provider, boolean streamed) {
		ApplicationContext context = context(provider);
		String stage = stage("tokens", streamed);
		provider.server().enqueue(provider.reply("The answer is 42."));
		assertThat(ask(context, stage, streamed)).isEqualTo("The answer is 42.");
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		// a stream's model call is accounted a moment after its consumer got the end
		await().untilAsserted(() -> assertThat(tokens(meters, provider, stage, "input")).isEqualTo(INPUT));
		assertThat(tokens(meters, provider, stage, "output")).isEqualTo(OUTPUT);
		assertThat(tokens(meters, provider, stage, "cache_read")).isEqualTo(provider.cacheRead());
		assertThat(tokens(meters, provider, stage, "cache_write")).isEqualTo(provider.cacheWrite());
		assertThat(tokens(meters, provider, stage, "reasoning")).isEqualTo(provider.reasoning());
		TokenPrices prices = context.getBean(ModelCatalog.class).find(provider.responseModel()).orElseThrow().prices();
		double expectedCost = ((INPUT - provider.cacheRead() - provider.cacheWrite()) * prices.input()
				+ provider.cacheRead() * orZero(prices.cacheRead())
				+ provider.cacheWrite() * orZero(prices.cacheWrite()) + OUTPUT * prices.output()) / 1e6;
		assertThat(meters.get("llmobs.cost").tags(tags(provider, stage)).counter().count()).isCloseTo(expectedCost,
				within(1e-12));
		SpanData span = modelSpan(context, stage);
		assertThat(attribute(span, "gen_ai.provider.name")).isEqualTo(provider.semconv());
		long spanInput = count(span, "gen_ai.usage.input_tokens");
		long spanOutput = count(span, "gen_ai.usage.output_tokens");
		// not a registry attribute: exported only with llmobs.semconv.legacy-attributes
		assertThat(span.getAttributes().asMap().keySet())
			.noneMatch((key) -> key.getKey().equals("gen_ai.usage.total_tokens"));
		assertThat(spanInput).isEqualTo(INPUT);
		assertThat(spanOutput).isEqualTo(OUTPUT);
		assertThat(doubleAttribute(span, "llmobs.cost.usd")).isCloseTo(expectedCost, within(1e-12));
		if (provider.cacheRead() > 0) {
			assertThat(count(span, "gen_ai.usage.cache_read.input_tokens")).isEqualTo(CACHE_READ);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource
	void streamsTakeTheirTimeToFirstTokenUnderTheResponseModel(Provider provider) {
		ApplicationContext context = context(provider);
		String stage = stage("ttft", true);
		provider.server().enqueue(provider.reply("Parcels arrive in two days."));
		ask(context, stage, true);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		assertThat(meters.get("llmobs.chat.ttft").tags(tags(provider, stage)).timer().count()).isOne();
		assertThat(meters.get("llmobs.chat").tags(tags(provider, stage)).timer().count()).isOne();
		assertThat(meters.find("llmobs.chat.ttft").tag("stage", stage).timers()).hasSize(1);
	}

	@ParameterizedTest(name = "{0}, streamed: {1}")
	@MethodSource("calls")
	void aMaxTokensStopIsLength(Provider provider, boolean streamed) {
		ApplicationContext context = context(provider);
		String stage = stage("length", streamed);
		provider.server().enqueue(provider.reply("Parcels to").finishReason("length"));
		ask(context, stage, streamed);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		await().untilAsserted(() -> assertThat(meters.get("llmobs.finish.reason")
			.tags(tags(provider, stage))
			.tag("reason", "length")
			.counter()
			.count()).isOne());
		assertThat(modelSpan(context, stage).getAttributes()
			.get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"))).containsExactly("length");
	}

	@ParameterizedTest(name = "{0}, streamed: {1}")
	@MethodSource("calls")
	void rateLimitsAndServerErrorsAreServingBottlenecks(Provider provider, boolean streamed) {
		ApplicationContext context = context(provider);
		String stage = stage("errors", streamed);
		provider.server().enqueue(StubResponse.error(429, "slow down"), StubResponse.error(503, "overloaded"));
		assertThatException().isThrownBy(() -> ask(context, stage, streamed));
		assertThatException().isThrownBy(() -> ask(context, stage, streamed));
		await().untilAsserted(() -> assertThat(servingBottlenecks(context, stage)).isEqualTo(2));
	}

	@ParameterizedTest(name = "{0}, streamed: {1}")
	@MethodSource("calls")
	void aTimeOutIsAServingBottleneck(Provider provider, boolean streamed) {
		ApplicationContext context = context(provider);
		String stage = stage("timeout", streamed);
		provider.server().enqueue(provider.reply("late").delay(ProviderModels.TIMEOUT.plus(ProviderModels.TIMEOUT)));
		assertThatException().isThrownBy(() -> ask(context, stage, streamed));
		await().untilAsserted(() -> assertThat(servingBottlenecks(context, stage)).isOne());
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource
	void theContextWindowIsCalibratedAgainstTheProvidersReportedInput(Provider provider) {
		TracedApplication.runner()
			.withUserConfiguration(ProviderModelConfiguration.class)
			.withPropertyValues(properties(provider))
			.run((context) -> {
				// counted now, as the block guard counts a request: a call that ends
				// before the background tokenizer counted its question is only estimated,
				// and learns nothing
				context.getBean(ContextInstrumentation.class)
					.accountant()
					.accountExactly(new ChatClientRequest(
							new Prompt(PARCEL_QUESTION, ChatOptions.builder().model(provider.requestModel).build()),
							Map.of()));
				provider.server().enqueue(provider.reply("ok"), provider.reply("ok"));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				ask(context, "calibration", false, PARCEL_QUESTION);
				await()
					.untilAsserted(() -> assertThat(meters.find("llmobs.context.estimate.error").summary()).isNotNull()
						.satisfies((summary) -> assertThat(summary.count()).isOne()));
				ask(context, "calibration", false, PARCEL_QUESTION);
				DistributionSummary error = meters.get("llmobs.context.estimate.error").summary();
				await().untilAsserted(() -> assertThat(error.count()).isEqualTo(2));
				// the first call learns the ratio of the provider's reported input (cache
				// tokens included) to the estimate, so the second call's estimate is that
				// input
				assertThat(error.totalAmount() - error.max()).isLessThan(0.01);
			});
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(names = { "OPENAI", "ANTHROPIC" })
	void aStreamedModelSpanThatStopsBeforeItsLastChunkReachedLlmobsCarriesTheProvidersUsage(Provider provider) {
		TracedApplication.runner()
			.withUserConfiguration(ProviderModelConfiguration.class, ModelStopGate.class)
			.withPropertyValues(properties(provider))
			.run((context) -> {
				provider.server().enqueue(provider.reply("The answer is 42."));
				ModelStopGate gate = context.getBean(ModelStopGate.class);
				String answer = String.join("",
						context.getBean(ChatClient.Builder.class)
							.build()
							.prompt("Hello there")
							.advisors((advisors) -> advisors.advisors(gate).param(LlmObsParams.STAGE, "late"))
							.stream()
							.content()
							.collectList()
							.block());
				assertThat(answer).isEqualTo("The answer is 42.");
				assertThat(gate.chunksAfterTheModelStopped()).isPositive();
				SpanData span = modelSpan(context, "late");
				assertThat(count(span, "gen_ai.usage.input_tokens")).isEqualTo(INPUT);
				assertThat(count(span, "gen_ai.usage.output_tokens")).isEqualTo(OUTPUT);
				assertThat(count(span, "gen_ai.usage.cache_read.input_tokens")).isEqualTo(CACHE_READ);
				assertThat(doubleAttribute(span, "llmobs.cost.usd")).isCloseTo(context.getBean(MeterRegistry.class)
					.get("llmobs.cost")
					.tags(tags(provider, "late"))
					.counter()
					.count(), within(1e-12));
			});
	}

	/** One application per provider, shared by its tests; each test has its own stage. */
	private static synchronized ApplicationContext context(Provider provider) {
		return contexts.computeIfAbsent(provider,
				(key) -> new SpringApplicationBuilder(TracedApplication.class, ProviderModelConfiguration.class)
					.web(WebApplicationType.NONE)
					.bannerMode(Banner.Mode.OFF)
					.logStartupInfo(false)
					.properties(TracedApplication.PROPERTIES)
					.properties(properties(key))
					.run());
	}

	private static String[] properties(Provider provider) {
		return new String[] { "spring.ai.model.chat=none", "test.provider=" + provider.name(),
				"llmobs.models.llama3-test.match=llama3\\.2", "llmobs.models.llama3-test.input-price=0.05",
				"llmobs.models.llama3-test.output-price=0.10" };
	}

	private static String stage(String scenario, boolean streamed) {
		return scenario + (streamed ? "-stream" : "-call");
	}

	private static String ask(ApplicationContext context, String stage, boolean streamed) {
		return ask(context, stage, streamed, "Hello there");
	}

	private static String ask(ApplicationContext context, String stage, boolean streamed, String question) {
		ChatClient.ChatClientRequestSpec request = context.getBean(ChatClient.Builder.class)
			.build()
			.prompt(question)
			.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, stage));
		if (streamed) {
			return String.join("", request.stream().content().collectList().block());
		}
		return request.call().content();
	}

	private static SpanData modelSpan(ApplicationContext context, String stage) {
		Predicate<SpanData> modelSpan = (span) -> span.getName().startsWith("chat ")
				&& stage.equals(attribute(span, "llmobs.stage"));
		await().until(() -> spans(context).stream().anyMatch(modelSpan));
		return spans(context).stream().filter(modelSpan).findFirst().orElseThrow();
	}

	private static String[] tags(Provider provider, String stage) {
		return new String[] { "model", provider.responseModel(), "provider", provider.semconv(), "stage", stage };
	}

	private static double tokens(MeterRegistry meters, Provider provider, String stage, String type) {
		return Search.in(meters)
			.name("llmobs.tokens")
			.tags(tags(provider, stage))
			.tag("type", type)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private static double servingBottlenecks(ApplicationContext context, String stage) {
		Counter counter = context.getBean(MeterRegistry.class)
			.find("llmobs.failures")
			.tags("category", "serving_bottleneck", "stage", stage)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static double orZero(Double price) {
		return (price != null) ? price : 0;
	}

	/**
	 * The providers, each with what its wire reports: Anthropic reports cache writes but
	 * no reasoning tokens (its thinking is part of the output), OpenAI (Azure OpenAI
	 * through Spring AI's OpenAI client on a deployment) and Gemini report reasoning but
	 * no cache writes, Ollama neither cache nor reasoning.
	 */
	enum Provider {

		OPENAI("openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", true, false, true),

		AZURE_OPENAI("azure.ai.openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18", true, false, true),

		ANTHROPIC("anthropic", "claude-haiku-4-5", "claude-haiku-4-5-20251001", true, true, false),

		GEMINI("gcp.gemini", "gemini-2.5-flash", "gemini-2.5-flash", true, false, true),

		OLLAMA("ollama", "llama3.2", "llama3.2", false, false, false);

		private final String semconv;

		private final String requestModel;

		private final String responseModel;

		private final boolean cacheRead;

		private final boolean cacheWrite;

		private final boolean reasoning;

		Provider(String semconv, String requestModel, String responseModel, boolean cacheRead, boolean cacheWrite,
				boolean reasoning) {
			this.semconv = semconv;
			this.requestModel = requestModel;
			this.responseModel = responseModel;
			this.cacheRead = cacheRead;
			this.cacheWrite = cacheWrite;
			this.reasoning = reasoning;
		}

		String semconv() {
			return this.semconv;
		}

		String responseModel() {
			return this.responseModel;
		}

		long cacheRead() {
			return this.cacheRead ? CACHE_READ : 0;
		}

		long cacheWrite() {
			return this.cacheWrite ? CACHE_WRITE : 0;
		}

		long reasoning() {
			return this.reasoning ? REASONING : 0;
		}

		/** The answer with the same usage, which the server writes its provider's way. */
		StubResponse reply(String content) {
			return StubResponse.completion(content)
				.model(this.responseModel)
				.usage(INPUT, OUTPUT)
				.cachedTokens(cacheRead())
				.cacheWriteTokens(cacheWrite())
				.reasoningTokens(reasoning());
		}

		StubServer<?> server() {
			return switch (this) {
				case OPENAI, AZURE_OPENAI -> openAi;
				case ANTHROPIC -> anthropic;
				case GEMINI -> gemini;
				case OLLAMA -> ollama;
			};
		}

		ChatModel chatModel(ObservationRegistry registry) {
			return switch (this) {
				case OPENAI -> OpenAiTestModels.chatModel(OpenAiTestModels.chatOptions(openAi)
					.model(this.requestModel)
					.streamUsage(true)
					.timeout(ProviderModels.TIMEOUT)
					.build(), registry);
				case AZURE_OPENAI -> OpenAiTestModels.chatModel(OpenAiTestModels.chatOptions(openAi)
					.model(this.requestModel)
					.deploymentName("shipping-gpt-4o-mini")
					.streamUsage(true)
					.timeout(ProviderModels.TIMEOUT)
					.build(), registry);
				case ANTHROPIC -> ProviderModels.anthropic(anthropic, this.requestModel, registry);
				case GEMINI -> ProviderModels.gemini(gemini, this.requestModel, registry);
				case OLLAMA -> ProviderModels.ollama(ollama, this.requestModel, registry);
			};
		}

	}

	/**
	 * Forces the order of events that llmobs loses by chance: lets no chunk of a stream
	 * reach the advisors outside it until the model call's observation stopped, as when
	 * Spring AI's hand-over thread is slower than the model's.
	 */
	static class ModelStopGate implements StreamAdvisor, ObservationHandler<ChatModelObservationContext> {

		private final Sinks.Empty<Void> modelStopped = Sinks.empty();

		private final AtomicInteger chunksAfterTheModelStopped = new AtomicInteger();

		@Override
		public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
			return chain.nextStream(request)
				.delayUntil((chunk) -> this.modelStopped.asMono())
				.doOnNext((chunk) -> this.chunksAfterTheModelStopped.incrementAndGet());
		}

		@Override
		public void onStop(ChatModelObservationContext context) {
			this.modelStopped.tryEmitEmpty();
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ChatModelObservationContext;
		}

		int chunksAfterTheModelStopped() {
			return this.chunksAfterTheModelStopped.get();
		}

		@Override
		public String getName() {
			return "model-stop-gate";
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ProviderModelConfiguration {

		@Bean
		ChatModel providerChatModel(Environment environment, ObservationRegistry observationRegistry) {
			return Provider.valueOf(environment.getRequiredProperty("test.provider")).chatModel(observationRegistry);
		}

	}

}
