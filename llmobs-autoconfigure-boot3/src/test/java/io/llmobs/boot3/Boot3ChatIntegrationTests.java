package io.llmobs.boot3;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.boot3.Boot3Application.chatClient;
import static io.llmobs.boot3.Boot3Application.meters;
import static io.llmobs.boot3.Boot3Application.tokens;
import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.doubleAttribute;
import static io.llmobs.test.TracedApplication.longAttribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot 3.5 and Spring AI 1.1 application's plain and streamed {@code ChatClient}
 * calls, over real HTTP with Spring AI 1.1's own OpenAI client: the same meters, tags and
 * span attributes as on the Boot 4 line.
 */
class Boot3ChatIntegrationTests {

	private static final double INPUT_PRICE = 0.15;

	private static final double OUTPUT_PRICE = 0.60;

	private static final double CACHE_READ_PRICE = 0.075;

	private static final String SNAPSHOT = "gpt-4o-mini-2024-07-18";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = Boot3Application.runner(server)
		.withPropertyValues("llmobs.models.gpt-4o-mini.input-price=" + INPUT_PRICE,
				"llmobs.models.gpt-4o-mini.output-price=" + OUTPUT_PRICE,
				"llmobs.models.gpt-4o-mini.cache-read-price=" + CACHE_READ_PRICE);

	private void run(Consumer<AssertableApplicationContext> test) {
		server.reset();
		Boot3Application.run(this.runner, test);
	}

	@Test
	void callRecordsLatencyTokensCostAndFinishReasonByModelStageAndTenant() {
		run((context) -> {
			server.enqueue(StubResponse.completion("Paris").model(SNAPSHOT).usage(1_200, 300));
			String answer = chatClient(context).prompt("Capital of France?")
				.advisors((a) -> a.param(LlmObsParams.STAGE, "generate").param(LlmObsParams.TENANT, "acme"))
				.call()
				.content();
			assertThat(answer).isEqualTo("Paris");
			MeterRegistry meters = meters(context);
			assertThat(meters.get("llmobs.chat")
				.tags("model", SNAPSHOT, "provider", "openai", "stage", "generate", "tenant", "acme", "outcome",
						"success")
				.timer()
				.count()).isEqualTo(1);
			assertThat(tokens(meters, "generate", "input")).isEqualTo(1_200);
			assertThat(tokens(meters, "generate", "output")).isEqualTo(300);
			assertThat(meters.get("llmobs.cost")
				.tags("model", SNAPSHOT, "stage", "generate", "tenant", "acme")
				.counter()
				.count()).isCloseTo((1_200 * INPUT_PRICE + 300 * OUTPUT_PRICE) / 1e6, within(1e-12));
			assertThat(meters.get("llmobs.finish.reason").tags("stage", "generate", "reason", "stop").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void modelSpanCarriesSemanticConventionAndLlmObsAttributesWithCacheTokensFromTheNativeUsage() {
		run((context) -> {
			server.enqueue(StubResponse.completion("ok").model(SNAPSHOT).usage(1_000, 100).cachedTokens(400));
			chatClient(context).prompt("hi").advisors((a) -> a.param(LlmObsParams.STAGE, "classify")).call().content();
			List<SpanData> spans = spans(context);
			SpanData model = span(spans, "chat gpt-4o-mini");
			assertThat(attribute(model, "gen_ai.provider.name")).isEqualTo("openai");
			// typed as the semantic conventions say by the exporter decorator, through
			// Boot 3.5's SpanExporters
			assertThat(longAttribute(model, "gen_ai.usage.input_tokens")).isEqualTo(1000);
			assertThat(longAttribute(model, "gen_ai.usage.output_tokens")).isEqualTo(100);
			assertThat(longAttribute(model, "gen_ai.usage.cache_read.input_tokens")).isEqualTo(400);
			assertThat(model.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
				.containsExactly("stop");
			assertThat(attribute(model, "llmobs.stage")).isEqualTo("classify");
			assertThat(attribute(model, "llmobs.tenant")).isEqualTo("none");
			assertThat(doubleAttribute(model, "llmobs.cost.usd"))
				.isCloseTo((600 * INPUT_PRICE + 400 * CACHE_READ_PRICE + 100 * OUTPUT_PRICE) / 1e6, within(1e-12));
			assertThat(tokens(meters(context), "classify", "cache_read")).isEqualTo(400);
		});
	}

	@Test
	void streamRecordsTimeToFirstTokenAndTheUsageOfItsLastChunk() {
		server.reset();
		// Spring AI 1.1's OpenAI client asks for a stream's usage only when told to.
		Boot3Application.run(this.runner.withPropertyValues("spring.ai.openai.chat.options.stream-usage=true"),
				(context) -> {
					server.enqueue(StubResponse.completion("one two three four")
						.model(SNAPSHOT)
						.usage(700, 40)
						.chunks(4)
						.chunkDelay(Duration.ofMillis(30)));
					String streamed = chatClient(context).prompt("count")
						.advisors((a) -> a.param(LlmObsParams.STAGE, "stream"))
						.stream()
						.content()
						.collect(Collectors.joining())
						.block(Duration.ofSeconds(10));
					assertThat(streamed).isEqualTo("one two three four");
					MeterRegistry meters = meters(context);
					assertThat(meters.get("llmobs.chat.ttft")
						.tags("stage", "stream", "provider", "openai")
						.timer()
						.count()).isEqualTo(1);
					assertThat(meters.get("llmobs.chat").tags("stage", "stream", "outcome", "success").timer().count())
						.isEqualTo(1);
					double ttft = meters.get("llmobs.chat.ttft")
						.tag("stage", "stream")
						.timer()
						.totalTime(TimeUnit.MILLISECONDS);
					double total = meters.get("llmobs.chat")
						.tag("stage", "stream")
						.timer()
						.totalTime(TimeUnit.MILLISECONDS);
					assertThat(ttft).isLessThan(total);
					await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
						assertThat(tokens(meters, "stream", "input")).isEqualTo(700);
						assertThat(tokens(meters, "stream", "output")).isEqualTo(40);
					});
				});
	}

}
