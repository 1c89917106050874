package io.llmobs.benchmark;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
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
 * The same call as {@link ChatClientCallBenchmark}, traced: every observation becomes a sampled OpenTelemetry span
 * (no exporter), so the span attributes that llmobs adds (the context accounting's included) are part of the cost.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class TracedChatClientCallBenchmark {

	/** Registries with metrics and tracing; the llmobs variant adds llmobs to them. */
	@State(Scope.Benchmark)
	public abstract static class Traced {

		SdkTracerProvider tracerProvider;

		ChatClient chatClient;

		@Setup(Level.Trial)
		public void setUp() {
			MeterRegistry meters = new SimpleMeterRegistry();
			ObservationRegistry observations = ObservationRegistry.create();
			this.tracerProvider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build();
			OtelTracer tracer = new OtelTracer(this.tracerProvider.get("benchmark"), new OtelCurrentTraceContext(),
					(event) -> {
					});
			observations.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(meters))
				.observationHandler(new DefaultTracingObservationHandler(tracer));
			ChatClient.Builder builder = ChatClient.builder(new InMemoryChatModel(observations), observations, null,
					null);
			this.chatClient = customize(builder, observations, meters).build();
			ChatClientCallBenchmark.call(this.chatClient);
		}

		abstract ChatClient.Builder customize(ChatClient.Builder builder, ObservationRegistry observations,
				MeterRegistry meters);

		@TearDown(Level.Trial)
		public void tearDown() {
			this.tracerProvider.close();
		}

	}

	/** Metrics and tracing, no llmobs. */
	public static class Baseline extends Traced {

		@Override
		ChatClient.Builder customize(ChatClient.Builder builder, ObservationRegistry observations,
				MeterRegistry meters) {
			return builder;
		}

	}

	/** Metrics and tracing with llmobs, context accounting included. */
	public static class Instrumented extends Traced {

		LlmObsWiring.Instrumentation instrumentation;

		@Override
		ChatClient.Builder customize(ChatClient.Builder builder, ObservationRegistry observations,
				MeterRegistry meters) {
			this.instrumentation = LlmObsWiring.instrument(observations, meters);
			return builder.defaultAdvisors(this.instrumentation.advisor());
		}

		@TearDown(Level.Trial)
		public void closeInstrumentation() {
			this.instrumentation.close();
		}

	}

	@Benchmark
	public String tracedBaseline(Baseline state) {
		return ChatClientCallBenchmark.call(state.chatClient);
	}

	@Benchmark
	public String tracedLlmobs(Instrumented state) {
		return ChatClientCallBenchmark.call(state.chatClient);
	}

}
