package io.llmobs.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.llmobs.context.ContextStats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The heap that llmobs keeps: the application of {@link BenchmarkApplication} is started in a fresh JVM, makes
 * {@value #CALLS} calls (each a new question, so caches fill), and the heap in use after a full GC is the score, in
 * MB. The difference between {@code llmobs=true} and {@code llmobs=false}, measured in the same run, is what the
 * starter adds to an application's retained heap.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 3, jvmArgsAppend = { "-Xms256m", "-Xmx1g" })
@State(Scope.Benchmark)
public class RetainedHeapBenchmark {

	static final int CALLS = 1_000;

	@Param({ "false", "true" })
	boolean llmobs;

	@Benchmark
	public double retainedMegabytes() throws InterruptedException {
		try (ConfigurableApplicationContext application = BenchmarkApplication.start(this.llmobs, true)) {
			ChatClient chatClient = BenchmarkApplication.chatClient(application);
			for (int i = 0; i < CALLS; i++) {
				chatClient.prompt().user(ChatClientCallBenchmark.QUESTION + " Order " + i + ".").call().content();
			}
			awaitTokenizer(application);
			double megabytes = heapAfterGc();
			System.out.printf(Locale.ROOT, "%nllmobs=%s: %.1f MB of heap in use after %d calls and a full GC%n",
					this.llmobs, megabytes, CALLS);
			return megabytes;
		}
	}

	/** Waits until the background tokenizer has counted every text it was handed, so its tables are loaded. */
	private static void awaitTokenizer(ConfigurableApplicationContext application) throws InterruptedException {
		ContextStats stats = application.getBeanProvider(ContextStats.class).getIfAvailable();
		for (int i = 0; stats != null && stats.snapshot().cache().pending() > 0 && i < 600; i++) {
			Thread.sleep(50);
		}
	}

	private static double heapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
	}

}
