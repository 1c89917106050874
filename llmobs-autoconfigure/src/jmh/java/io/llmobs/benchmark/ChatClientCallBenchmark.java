package io.llmobs.benchmark;

import java.util.concurrent.TimeUnit;

import io.llmobs.chat.ChatMetricNames;
import io.llmobs.chat.InstrumentationErrors;
import io.llmobs.chat.LlmObsParams;
import io.llmobs.context.ContextMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.client.ChatClient;

/**
 * The overhead of llmobs on one {@code ChatClient} call: the same call over an in-memory model, with Spring AI's
 * observations on and metered by Micrometer in both variants, without ({@code baseline}) and with ({@code llmobs})
 * llmobs: its {@code ChatClient} and model-call observation handlers, the context-accounting handler (on by
 * default), the span enrichment filters and the stream advisor (which a {@code call()} does not pass through).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ChatClientCallBenchmark {

	static final String QUESTION = "What does shipping to Berlin cost?";

	/** Spring AI observations on and metered; the llmobs variant adds llmobs to the same registries. */
	@State(Scope.Benchmark)
	public abstract static class Metered {

		ChatClient chatClient;

		@Setup(Level.Trial)
		public void setUp() {
			MeterRegistry meters = new SimpleMeterRegistry();
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			ChatClient.Builder builder = ChatClient.builder(new InMemoryChatModel(observations), observations, null,
					null);
			this.chatClient = customize(builder, observations, meters).build();
			check(call(this.chatClient));
			verify(meters);
		}

		abstract ChatClient.Builder customize(ChatClient.Builder builder, ObservationRegistry observations,
				MeterRegistry meters);

		void verify(MeterRegistry meters) {
		}

	}

	/** Spring AI observations on, metered, no llmobs. */
	public static class Baseline extends Metered {

		@Override
		ChatClient.Builder customize(ChatClient.Builder builder, ObservationRegistry observations,
				MeterRegistry meters) {
			return builder;
		}

	}

	/**
	 * The baseline plus llmobs, wired as {@code LlmObsChatAutoConfiguration} and {@code LlmObsContextAutoConfiguration}
	 * wire it.
	 */
	public static class Instrumented extends Metered {

		LlmObsWiring.Instrumentation instrumentation;

		@Override
		ChatClient.Builder customize(ChatClient.Builder builder, ObservationRegistry observations,
				MeterRegistry meters) {
			this.instrumentation = LlmObsWiring.instrument(observations, meters);
			return builder.defaultAdvisors(this.instrumentation.advisor());
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

		@TearDown(Level.Trial)
		public void close() {
			this.instrumentation.close();
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

	private static void check(String content) {
		require(content != null && !content.isEmpty(), "the in-memory model gave no content");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

}
