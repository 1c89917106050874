package io.llmobs.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import io.llmobs.core.LlmObsParams;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bytes each thread allocates per call of {@link ChatClientCallBenchmark}, counted by
 * the JVM's per-thread counters ({@code ThreadMXBean#getThreadAllocatedBytes}) around a
 * number of calls after a warm-up: exact where JMH's {@code gc.alloc.rate.norm} (all
 * threads, divided by a time-based operation count) moves with the machine's load. Every
 * variant is an application of its own in this JVM, called in turn.
 *
 * <p>
 * Arguments: {@code traced warm-up calls rounds variant...}; a variant is one that
 * {@link BenchmarkApplication#startVariant} starts. With {@code -Dconversations=N} each
 * call carries one of N conversation ids. Run with {@code -XX:-DoEscapeAnalysis} to count
 * every allocation of the code, so that two versions compare to the byte. The CPU time
 * of the calling thread per call ({@code ThreadMXBean#getCurrentThreadCpuTime}) moves
 * less with other processes than JMH's wall-clock time, though caches and clock speed
 * still do; the CPU time of the process per call
 * ({@code OperatingSystemMXBean#getProcessCpuTime}) adds what the call costs on other
 * threads: the batch span processor's, the collector's, the compiler's.
 * With {@code -Dphases=true} it also prints when each variant's measured calls started
 * and ended ({@code phase variant start-millis end-millis}), so that
 * {@link SamplesByPhase} can tell the variants' samples of a flight recording apart.
 */
public final class AllocationPerCall {

	private static final int CONVERSATIONS = Integer.getInteger("conversations", 0);

	private static final boolean PHASES = Boolean.getBoolean("phases");

	private AllocationPerCall() {
	}

	public static void main(String[] args) {
		boolean traced = Boolean.parseBoolean(args[0]);
		int warmUp = Integer.parseInt(args[1]);
		int calls = Integer.parseInt(args[2]);
		int rounds = Integer.parseInt(args[3]);
		List<String> variants = List.of(args).subList(4, args.length);
		List<ConfigurableApplicationContext> applications = new ArrayList<>();
		List<Caller> callers = new ArrayList<>();
		for (String variant : variants) {
			ConfigurableApplicationContext application = BenchmarkApplication.startVariant(variant, traced);
			applications.add(application);
			callers.add(new Caller(BenchmarkApplication.chatClient(application)));
		}
		for (Caller caller : callers) {
			caller.call(warmUp);
		}
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long self = Thread.currentThread().getId();
		for (int round = 0; round < rounds; round++) {
			StringBuilder line = new StringBuilder(
					"round " + round + ", B per call (calling thread / all threads), ns of CPU per call (calling thread / process):");
			StringBuilder phases = new StringBuilder();
			for (int i = 0; i < callers.size(); i++) {
				callers.get(i).call(warmUp / 10);
				long[] ids = threads.getAllThreadIds();
				long allBefore = sum(threads.getThreadAllocatedBytes(ids));
				long before = threads.getThreadAllocatedBytes(self);
				long processBefore = process.getProcessCpuTime();
				long cpuBefore = threads.getCurrentThreadCpuTime();
				long start = System.currentTimeMillis();
				callers.get(i).call(calls);
				long end = System.currentTimeMillis();
				long cpuAfter = threads.getCurrentThreadCpuTime();
				phases.append(String.format("%nphase %s %d %d", variants.get(i), start, end));
				long processAfter = process.getProcessCpuTime();
				long after = threads.getThreadAllocatedBytes(self);
				long allAfter = sum(threads.getThreadAllocatedBytes(ids));
				line.append(String.format("%n  %-45s %,8d / %,8d   %,8d / %,8d ns", variants.get(i),
						(after - before) / calls, (allAfter - allBefore) / calls, (cpuAfter - cpuBefore) / calls,
						(processAfter - processBefore) / calls));
			}
			System.out.println(PHASES ? line.append(phases) : line);
		}
		applications.forEach(ConfigurableApplicationContext::close);
	}

	private static long sum(long[] bytes) {
		long sum = 0;
		for (long value : bytes) {
			sum += Math.max(value, 0);
		}
		return sum;
	}

	/** Calls one application, with the conversation ids of {@code -Dconversations}. */
	private static final class Caller {

		private final ChatClient client;

		private final String[] conversations = new String[CONVERSATIONS];

		private int next;

		Caller(ChatClient client) {
			this.client = client;
			for (int i = 0; i < CONVERSATIONS; i++) {
				this.conversations[i] = "conversation-" + i;
			}
		}

		void call(int times) {
			for (int i = 0; i < times; i++) {
				if (CONVERSATIONS == 0) {
					ChatClientCallBenchmark.call(this.client);
				}
				else {
					String conversation = this.conversations[this.next++ % CONVERSATIONS];
					this.client.prompt()
						.user(ChatClientCallBenchmark.QUESTION)
						.advisors((a) -> a.param(LlmObsParams.STAGE, "generate")
							.param(LlmObsParams.TENANT, "acme")
							.param("chat_memory_conversation_id", conversation))
						.call()
						.content();
				}
			}
		}

	}

}
