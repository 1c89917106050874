package io.llmobs.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeVerdict;
import io.llmobs.judge.SampledJudge;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	/** The two applications, judge off and judge on, and their clients. */
	@State(Scope.Benchmark)
	public static class Clients {

		ConfigurableApplicationContext judgeOffApplication;

		ConfigurableApplicationContext judgeOnApplication;

		ChatClient judgeOff;

		ChatClient judgeOn;

		SampledJudge judge;

		@Setup(Level.Trial)
		public void setUp() {
			this.judgeOffApplication = BenchmarkApplication.start(true, false);
			this.judgeOnApplication = BenchmarkApplication.start(true, false, List.of(SlowJudgeConfiguration.class),
					"llmobs.judge.enabled=true", "llmobs.judge.sample-rate=1.0",
					"llmobs.judge.always-on=error,length,tool-failure",
					"llmobs.judge.queue-capacity=" + QUEUE_CAPACITY, "llmobs.judge.concurrency=2",
					"llmobs.judge.max-per-minute=" + Integer.MAX_VALUE, "llmobs.judge.daily-budget-usd=1000000");
			this.judge = this.judgeOnApplication.getBean(SampledJudge.class);
			this.judgeOff = BenchmarkApplication.chatClient(this.judgeOffApplication);
			this.judgeOn = BenchmarkApplication.chatClient(this.judgeOnApplication);
		}

		@TearDown(Level.Trial)
		public void close() {
			this.judgeOnApplication.close();
			this.judgeOffApplication.close();
		}

	}

	/** A judge that takes 2 s per judgement and always passes, in place of a judge model. */
	@Configuration(proxyBeanMethods = false)
	static class SlowJudgeConfiguration {

		@Bean
		Judge slowJudge() {
			return (request) -> {
				try {
					Thread.sleep(2_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new JudgeVerdict(Map.of("faithfulness", 1.0, "relevance", 1.0), "pass", "", null);
			};
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
