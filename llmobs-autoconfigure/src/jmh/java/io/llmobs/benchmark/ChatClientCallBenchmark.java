package io.llmobs.benchmark;

import java.util.concurrent.TimeUnit;

import io.llmobs.chat.ChatMetricNames;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import io.llmobs.context.ContextMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The overhead of llmobs on one {@code ChatClient} call: the same call over an in-memory model in the same
 * auto-configured application ({@link BenchmarkApplication}), without ({@code baseline}, {@code llmobs.enabled=false})
 * and with ({@code llmobs}, every default-on feature) llmobs, untraced and traced ({@code traced}: every observation
 * a sampled OpenTelemetry span, no exporter). Both variants have Spring AI's observations, metered into a Prometheus
 * registry, so a ratio is what the starter adds to an application as it runs. The warm-up lasts 20 s: until then the
 * young collections still copy what the application made at start-up (G1 tenures it after about 15 of them), which
 * weighs on the traced pair and is not a cost per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ChatClientCallBenchmark {

	static final String QUESTION = "What does shipping to Berlin cost?";

	private static final String SPRING_AI_TOKEN_USAGE = "gen_ai.client.token.usage";

	/** The application and its client; the variants differ only in whether llmobs is on. */
	@State(Scope.Benchmark)
	public abstract static class Application {

		@Param({ "false", "true" })
		boolean traced;

		ConfigurableApplicationContext application;

		ChatClient chatClient;

		@Setup(Level.Trial)
		public void setUp() {
			this.application = BenchmarkApplication.start(llmobs(), this.traced);
			this.chatClient = BenchmarkApplication.chatClient(this.application);
			String content = call(this.chatClient);
			require(content != null && !content.isEmpty(), "the in-memory model gave no content");
			MeterRegistry meters = this.application.getBean(MeterRegistry.class);
			require(meters.find(SPRING_AI_TOKEN_USAGE).meter() != null,
					SPRING_AI_TOKEN_USAGE + " was not recorded: Spring AI's model observations are not metered");
			verify(meters);
		}

		abstract boolean llmobs();

		abstract void verify(MeterRegistry meters);

		@TearDown(Level.Trial)
		public void tearDown() {
			this.application.close();
		}

	}

	/** The application with {@code llmobs.enabled=false}. */
	public static class Baseline extends Application {

		@Override
		boolean llmobs() {
			return false;
		}

		@Override
		void verify(MeterRegistry meters) {
			require(meters.find(ChatMetricNames.CHAT).timer() == null, "llmobs is on in the baseline");
		}

	}

	/** The application with llmobs and its defaults. */
	public static class Instrumented extends Application {

		@Override
		boolean llmobs() {
			return true;
		}

		/**
		 * Fails fast if the wiring is off: the call must have been priced, attributed and its context accounted
		 * (with a known window, so utilization is recorded), without errors.
		 */
		@Override
		void verify(MeterRegistry meters) {
			require(meters.find(ChatMetricNames.CHAT).tag("stage", "generate").tag("tenant", "acme").timer() != null,
					"llmobs.chat{stage=generate,tenant=acme} was not recorded");
			require(meters.find(ChatMetricNames.COST).counter() != null, "llmobs.cost was not recorded");
			require(isRecorded(meters, ContextMetricNames.TOKENS), "llmobs.context.tokens was not recorded");
			require(isRecorded(meters, ContextMetricNames.UTILIZATION),
					"llmobs.context.utilization was not recorded: the model's context window is unknown");
			require(meters.find(InstrumentationErrors.METER_NAME).counters().stream().allMatch((c) -> c.count() == 0),
					"llmobs reported instrumentation errors");
		}

		private static boolean isRecorded(MeterRegistry meters, String name) {
			return meters.find(name).summaries().stream().anyMatch((summary) -> summary.count() > 0);
		}

	}

	@Benchmark
	public String baseline(Baseline state) {
		return call(state.chatClient);
	}

	@Benchmark
	public String llmobs(Instrumented state) {
		return call(state.chatClient);
	}

	static String call(ChatClient chatClient) {
		return chatClient.prompt()
			.user(QUESTION)
			.advisors((a) -> a.param(LlmObsParams.STAGE, "generate").param(LlmObsParams.TENANT, "acme"))
			.call()
			.content();
	}

	static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
