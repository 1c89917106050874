package io.llmobs.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.ObjectName;

import io.opentelemetry.sdk.trace.SdkTracerProvider;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What one call of {@link ChatClientCallBenchmark} allocates, class by class, on all
 * threads: the instances and bytes that the heap holds more after a number of calls than
 * before them, in a JVM that never collects (run it with
 * {@code -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -XX:-UseTLAB}, so that every
 * object allocated stays on the heap and no thread-local buffer leaves filler arrays
 * behind). The heap is counted with the {@code GC.class_histogram -all} diagnostic
 * command, unreachable objects included; spans are flushed through the batch span
 * processor before each count, so the exporting thread's share is complete.
 *
 * <p>
 * Arguments: {@code traced warm-up calls variant...}, variants as in
 * {@link AllocationPerCall}: every variant is an application of its own in this JVM,
 * warmed up in turn, then counted in turn. Prints the bytes and instances per call of
 * each class for each variant and, with two variants or more, the difference of the last
 * from the first, largest first; lambdas are counted by the class that declares them.
 * With {@code -XX:-DoEscapeAnalysis} the figures repeat exactly from one JVM to the next;
 * with escape analysis on they are what an application allocates, and move by what the
 * JIT chose to inline in that JVM.
 */
public final class AllocationByClass {

	private AllocationByClass() {
	}

	public static void main(String[] args) throws Exception {
		boolean traced = Boolean.parseBoolean(args[0]);
		int warmUp = Integer.parseInt(args[1]);
		int calls = Integer.parseInt(args[2]);
		List<String> variants = List.of(args).subList(3, args.length);
		List<ConfigurableApplicationContext> applications = new ArrayList<>();
		for (String variant : variants) {
			applications.add(BenchmarkApplication.startVariant(variant, traced));
		}
		for (ConfigurableApplicationContext application : applications) {
			call(application, warmUp);
		}
		List<Map<String, long[]>> perCall = new ArrayList<>();
		for (ConfigurableApplicationContext application : applications) {
			flushSpans(application);
			Map<String, long[]> before = histogram();
			call(application, calls);
			flushSpans(application);
			perCall.add(difference(histogram(), before));
		}
		applications.forEach(ConfigurableApplicationContext::close);
		print(variants, perCall, calls);
	}

	private static void call(ConfigurableApplicationContext application, int calls) {
		ChatClient client = BenchmarkApplication.chatClient(application);
		for (int i = 0; i < calls; i++) {
			ChatClientCallBenchmark.call(client);
		}
	}

	private static void flushSpans(ConfigurableApplicationContext application) {
		application.getBeanProvider(SdkTracerProvider.class)
			.ifAvailable((provider) -> provider.forceFlush().join(10, TimeUnit.SECONDS));
	}

	/** Instances and bytes per class of every object on the heap, reachable or not. */
	private static Map<String, long[]> histogram() throws JMException {
		String histogram = (String) ManagementFactory.getPlatformMBeanServer()
			.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
					new Object[] { new String[] { "-all" } }, new String[] { String[].class.getName() });
		Map<String, long[]> classes = new HashMap<>();
		for (String line : histogram.split("\n")) {
			String[] columns = line.trim().split("\\s+");
			// "  1:  instances  bytes  class-name (module)"
			if (columns.length >= 4 && columns[0].endsWith(":")) {
				// a lambda's hidden class has a new name in every JVM
				String name = columns[3].replaceFirst("\\$\\$Lambda.*", "\\$\\$Lambda");
				long[] counts = classes.computeIfAbsent(name, (key) -> new long[2]);
				counts[0] += Long.parseLong(columns[1]);
				counts[1] += Long.parseLong(columns[2]);
			}
		}
		return classes;
	}

	private static Map<String, long[]> difference(Map<String, long[]> after, Map<String, long[]> before) {
		Map<String, long[]> difference = new HashMap<>();
		after.forEach((name, counts) -> {
			long[] then = before.getOrDefault(name, new long[2]);
			if (counts[1] != then[1]) {
				difference.put(name, new long[] { counts[0] - then[0], counts[1] - then[1] });
			}
		});
		return difference;
	}

	private static void print(List<String> variants, List<Map<String, long[]>> perCall, int calls) {
		Set<String> names = new HashSet<>();
		perCall.forEach((classes) -> names.addAll(classes.keySet()));
		List<String> rows = new ArrayList<>(names);
		Map<String, long[]> first = perCall.get(0);
		Map<String, long[]> last = perCall.get(perCall.size() - 1);
		rows.sort(Comparator.comparingLong((String name) -> -Math.abs(bytes(last, name) - bytes(first, name)))
			.thenComparing(Comparator.naturalOrder()));
		StringBuilder header = new StringBuilder("B (instances) per call");
		variants.forEach((variant) -> header.append('\t').append(variant));
		if (variants.size() > 1) {
			header.append("\tlast - first");
		}
		System.out.println(header);
		long[] totals = new long[perCall.size()];
		for (String name : rows) {
			StringBuilder row = new StringBuilder(name);
			for (int i = 0; i < perCall.size(); i++) {
				long[] counts = perCall.get(i).getOrDefault(name, new long[2]);
				totals[i] += counts[1];
				row.append(String.format("\t%.1f (%.2f)", (double) counts[1] / calls, (double) counts[0] / calls));
			}
			if (perCall.size() > 1) {
				row.append(String.format("\t%+.1f", (double) (bytes(last, name) - bytes(first, name)) / calls));
			}
			System.out.println(row);
		}
		StringBuilder total = new StringBuilder("TOTAL");
		for (long bytes : totals) {
			total.append(String.format("\t%.1f", (double) bytes / calls));
		}
		if (perCall.size() > 1) {
			total.append(String.format("\t%+.1f", (double) (totals[totals.length - 1] - totals[0]) / calls));
		}
		System.out.println(total);
	}

	private static long bytes(Map<String, long[]> classes, String name) {
		long[] counts = classes.get(name);
		return (counts != null) ? counts[1] : 0;
	}

}
