package io.llmobs.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.llmobs.chat.BoundedTagValues;
import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.InstrumentationErrors;
import io.llmobs.judge.FailureRecorder;
import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeBaseline;
import io.llmobs.judge.JudgeBudget;
import io.llmobs.judge.JudgeDrift;
import io.llmobs.judge.JudgeMeters;
import io.llmobs.judge.JudgeMetricNames;
import io.llmobs.judge.JudgeTracing;
import io.llmobs.judge.JudgeTrigger;
import io.llmobs.judge.JudgeVerdict;
import io.llmobs.judge.KnownFailures;
import io.llmobs.judge.SampledJudge;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The request path with the sampled judge at 100% and a judge that takes 2 s, against the same instrumented call
 * with the judge off: the latency distribution of the user's call ({@code SampleTime}: p50, p99, p99.9), and the
 * queue and heap after the run. Both variants have llmobs (the known-failures listener included); only the judge
 * differs. The rate limit and the budget are set out of the way, so the bounded queue is what holds the judge back.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(2)
public class JudgeLoadBenchmark {

	/** The instrumented client, with or without the judge. */
	@State(Scope.Benchmark)
	public abstract static class Client {

		ChatClient chatClient;

		LlmObsWiring.Instrumentation instrumentation;

		MeterRegistry meters;

		@Setup(Level.Trial)
		public void setUp() {
			this.meters = new SimpleMeterRegistry();
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
			FailureRecorder failures = new FailureRecorder(this.meters, new BoundedTagValues(50));
			this.instrumentation = LlmObsWiring.instrument(observations, this.meters,
					listeners(new KnownFailures(failures), failures));
			this.chatClient = ChatClient.builder(new InMemoryChatModel(observations), observations, null, null)
				.defaultAdvisors(this.instrumentation.advisor())
				.build();
			ChatClientCallBenchmark.call(this.chatClient);
		}

		abstract List<ChatCallListener> listeners(KnownFailures knownFailures, FailureRecorder failures);

		@TearDown(Level.Trial)
		public void close() {
			this.instrumentation.close();
		}

	}

	/** llmobs without the judge. */
	public static class JudgeOff extends Client {

		@Override
		List<ChatCallListener> listeners(KnownFailures knownFailures, FailureRecorder failures) {
			return List.of(knownFailures);
		}

	}

	/** llmobs with the judge at 100%, a 2 s judge, the default queue and concurrency. */
	public static class JudgeOn extends Client {

		static final int QUEUE_CAPACITY = 1_000;

		SampledJudge judge;

		@Override
		List<ChatCallListener> listeners(KnownFailures knownFailures, FailureRecorder failures) {
			Judge slow = (request) -> {
				try {
					Thread.sleep(2_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new JudgeVerdict(Map.of("faithfulness", 1.0, "relevance", 1.0), "pass", "", null);
			};
			CustomizableThreadFactory threads = new CustomizableThreadFactory("llmobs-judge-");
			threads.setDaemon(true);
			this.judge = new SampledJudge(
					new SampledJudge.Settings(1.0, EnumSet.allOf(JudgeTrigger.class), QUEUE_CAPACITY, 2,
							Duration.ofSeconds(30)),
					() -> slow,
					RateLimiter.of("judge",
							RateLimiterConfig.custom()
								.limitForPeriod(Integer.MAX_VALUE)
								.limitRefreshPeriod(Duration.ofMinutes(1))
								.timeoutDuration(Duration.ZERO)
								.build()),
					new JudgeBudget(Double.MAX_VALUE, Clock.systemUTC()), new JudgeMeters(this.meters), failures,
					new JudgeDrift(this.meters, JudgeBaseline.EMPTY, 100), JudgeTracing.NONE,
					new InstrumentationErrors(this.meters), () -> ThreadLocalRandom.current().nextDouble(), threads);
			return List.of(knownFailures, this.judge);
		}

		/** Prints what bounds the heap: the queue at its capacity, and the heap after a full GC. */
		@TearDown(Level.Trial)
		public void report() {
			SampledJudge.Snapshot snapshot = this.judge.snapshot();
			System.gc();
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			System.out.printf("%njudge queue %d/%d, evaluations %s, heap after GC %.1f MB%n", snapshot.queued(),
					snapshot.queueCapacity(), snapshot.evaluations(), heap / 1024.0 / 1024.0);
			require(this.meters.get(JudgeMetricNames.EVALUATIONS).tag("outcome", "dropped_queue_full").counter()
				.count() > 0, "the queue never filled");
			this.judge.close();
		}

		private static void require(boolean condition, String message) {
			if (!condition) {
				throw new IllegalStateException(message);
			}
		}

	}

	@Benchmark
	public String judgeOff(JudgeOff state) {
		return ChatClientCallBenchmark.call(state.chatClient);
	}

	@Benchmark
	public String judgeOn(JudgeOn state) {
		return ChatClientCallBenchmark.call(state.chatClient);
	}

}
