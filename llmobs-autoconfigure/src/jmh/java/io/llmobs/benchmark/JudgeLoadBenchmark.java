package io.llmobs.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.llmobs.chat.BoundedTagValues;
import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.InstrumentationErrors;
import io.llmobs.judge.FailureRecorder;
import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeBaseline;
import io.llmobs.judge.JudgeBudget;
import io.llmobs.judge.JudgeDrift;
import io.llmobs.judge.JudgeMeters;
import io.llmobs.judge.JudgeRateLimiter;
import io.llmobs.judge.JudgeTracing;
import io.llmobs.judge.JudgeTrigger;
import io.llmobs.judge.JudgeVerdict;
import io.llmobs.judge.KnownFailures;
import io.llmobs.judge.SampledJudge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
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
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * A load test of the request path with the sampled judge at 100% and a judge that takes 2 s, against the same
 * instrumented call with the judge off, in the same run: each round calls both clients, in alternating order, so
 * that a busy machine slows both alike. Both clients have llmobs (the known-failures listener included); only the
 * judge differs. The rate limit and the budget are out of the way, so the bounded queue is what holds the judge
 * back. One JMH invocation runs {@value #ROUNDS} rounds after {@value #WARM_UP_ROUNDS} warm-up rounds and prints
 * p50, p99 and p99.9 of each client, their ratios, the judge's queue and the heap after a full GC.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class JudgeLoadBenchmark {

	static final int WARM_UP_ROUNDS = 50_000;

	static final int ROUNDS = 100_000;

	static final int QUEUE_CAPACITY = 1_000;

	/** The two clients and the judge. */
	@State(Scope.Benchmark)
	public static class Clients {

		final MeterRegistry meters = new SimpleMeterRegistry();

		ChatClient judgeOff;

		ChatClient judgeOn;

		SampledJudge judge;

		final List<LlmObsWiring.Instrumentation> instrumentations = new ArrayList<>();

		@Setup(Level.Trial)
		public void setUp() {
			FailureRecorder failures = new FailureRecorder(this.meters, new BoundedTagValues(50));
			KnownFailures knownFailures = new KnownFailures(failures);
			this.judge = slowJudge(failures);
			this.judgeOff = client(List.of(knownFailures));
			this.judgeOn = client(List.of(knownFailures, this.judge));
		}

		private ChatClient client(List<ChatCallListener> listeners) {
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
			LlmObsWiring.Instrumentation instrumentation = LlmObsWiring.instrument(observations, this.meters,
					listeners);
			this.instrumentations.add(instrumentation);
			return ChatClient.builder(new InMemoryChatModel(observations), observations, null, null)
				.defaultAdvisors(instrumentation.advisor())
				.build();
		}

		private SampledJudge slowJudge(FailureRecorder failures) {
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
			return new SampledJudge(
					new SampledJudge.Settings(1.0, EnumSet.allOf(JudgeTrigger.class), QUEUE_CAPACITY, 2,
							Duration.ofSeconds(30)),
					() -> slow,
					new JudgeRateLimiter(Integer.MAX_VALUE, Duration.ofMinutes(1), System::nanoTime),
					new JudgeBudget(Double.MAX_VALUE, Clock.systemUTC()), new JudgeMeters(this.meters), failures,
					new JudgeDrift(this.meters, JudgeBaseline.EMPTY, 100), JudgeTracing.NONE,
					new InstrumentationErrors(this.meters), () -> ThreadLocalRandom.current().nextDouble(),
					new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
							threads),
					Executors.newSingleThreadScheduledExecutor(threads));
		}

		@TearDown(Level.Trial)
		public void close() {
			this.judge.close();
			this.instrumentations.forEach(LlmObsWiring.Instrumentation::close);
		}

	}

	@Benchmark
	public long interleaved(Clients clients) {
		rounds(clients, WARM_UP_ROUNDS, null, null);
		double heapAfterWarmUp = heapAfterGc();
		long[] off = new long[ROUNDS];
		long[] on = new long[ROUNDS];
		int maxQueued = rounds(clients, ROUNDS, off, on);
		SampledJudge.Snapshot snapshot = clients.judge.snapshot();
		double heap = heapAfterGc();
		Arrays.sort(off);
		Arrays.sort(on);
		System.out.printf(Locale.ROOT, "%n%-10s %10s %10s %10s%n", "us/call", "p50", "p99", "p99.9");
		System.out.printf(Locale.ROOT, "%-10s %10.1f %10.1f %10.1f%n", "judge off", micros(off, 0.50),
				micros(off, 0.99), micros(off, 0.999));
		System.out.printf(Locale.ROOT, "%-10s %10.1f %10.1f %10.1f%n", "judge on", micros(on, 0.50),
				micros(on, 0.99), micros(on, 0.999));
		System.out.printf(Locale.ROOT, "%-10s %10.3f %10.3f %10.3f%n", "on / off", micros(on, 0.50) / micros(off, 0.50),
				micros(on, 0.99) / micros(off, 0.99), micros(on, 0.999) / micros(off, 0.999));
		System.out.printf(Locale.ROOT, "judge queue max %d/%d, evaluations %s%n", maxQueued, snapshot.queueCapacity(),
				snapshot.evaluations());
		System.out.printf(Locale.ROOT, "heap after GC: %.1f MB after the warm-up, %.1f MB after %d more rounds%n",
				heapAfterWarmUp, heap, ROUNDS);
		return off[ROUNDS / 2] + on[ROUNDS / 2];
	}

	/** Runs the rounds, recording each client's latency when arrays are given; the queue's largest depth. */
	private static int rounds(Clients clients, int rounds, long @Nullable [] off, long @Nullable [] on) {
		int maxQueued = 0;
		for (int round = 0; round < rounds; round++) {
			boolean offFirst = (round & 1) == 0;
			long first = timed(offFirst ? clients.judgeOff : clients.judgeOn);
			long second = timed(offFirst ? clients.judgeOn : clients.judgeOff);
			if (off != null && on != null) {
				off[round] = offFirst ? first : second;
				on[round] = offFirst ? second : first;
			}
			if ((round & 1023) == 0) {
				maxQueued = Math.max(maxQueued, clients.judge.snapshot().queued());
			}
		}
		return maxQueued;
	}

	private static double heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
	}

	private static long timed(ChatClient client) {
		long start = System.nanoTime();
		ChatClientCallBenchmark.call(client);
		return System.nanoTime() - start;
	}

	private static double micros(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
	}

}
