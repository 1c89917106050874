package io.llmobs.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ChatClientCallBenchmark}'s {@code baseline} and {@code llmobs} as pairs of forks, one fork each,
 * alternating which of the two goes first (baseline-llmobs, then llmobs-baseline), and reports the ratio of each pair
 * and their median. JMH alone runs all forks of one benchmark before those of the next, so a machine whose speed drifts
 * over minutes (a shared VM) moves one side of the ratio and not the other; a pair's two forks run minutes apart at
 * most, and the alternation cancels a steady drift. The JVM of each fork starts anew, as with JMH's forks.
 *
 * <p>
 * Arguments: {@code pairs traced...}, for example {@code 6 false true}; the warm-up and measurement are those of
 * {@link ChatClientCallBenchmark}.
 */
public final class PairedForks {

	private PairedForks() {
	}

	public static void main(String[] args) throws RunnerException {
		int pairs = Integer.parseInt(args[0]);
		List<String> tracedValues = Arrays.asList(args).subList(1, args.length);
		List<String> report = new ArrayList<>();
		for (String traced : tracedValues) {
			List<Pair> results = new ArrayList<>();
			for (int i = 0; i < pairs; i++) {
				boolean baselineFirst = baselineFirst(i);
				Fork first = run(baselineFirst ? "baseline" : "llmobs", traced);
				Fork second = run(baselineFirst ? "llmobs" : "baseline", traced);
				results.add(baselineFirst ? new Pair(first, second) : new Pair(second, first));
			}
			report.add(summary(traced, results));
		}
		report.forEach(System.out::println);
	}

	/** Whether the pair of this index runs its baseline fork first: every other pair. */
	private static boolean baselineFirst(int pair) {
		return pair % 2 == 0;
	}

	private static Fork run(String benchmark, String traced) throws RunnerException {
		Options options = new OptionsBuilder()
			.include(ChatClientCallBenchmark.class.getName() + "\\." + benchmark + "$")
			.param("traced", traced)
			.forks(1)
			.addProfiler(GCProfiler.class)
			.build();
		RunResult result = new Runner(options).runSingle();
		Result<?> bytes = result.getSecondaryResults().get("gc.alloc.rate.norm");
		return new Fork(result.getPrimaryResult().getScore(), (bytes != null) ? bytes.getScore() : Double.NaN);
	}

	private static String summary(String traced, List<Pair> pairs) {
		StringBuilder text = new StringBuilder(String
			.format(Locale.ROOT, "%nChatClientCallBenchmark, traced=%s, %d pairs of forks:%n", traced, pairs.size()));
		double[] ratios = new double[pairs.size()];
		double[] extraBytes = new double[pairs.size()];
		for (int i = 0; i < pairs.size(); i++) {
			Pair pair = pairs.get(i);
			ratios[i] = pair.llmobs.microseconds / pair.baseline.microseconds;
			extraBytes[i] = pair.llmobs.bytes - pair.baseline.bytes;
			text.append(String.format(Locale.ROOT, "  pair %d (%s first): %.2f / %.2f us = %.3fx, %+,.0f B%n", i + 1,
					baselineFirst(i) ? "baseline" : "llmobs", pair.llmobs.microseconds, pair.baseline.microseconds,
					ratios[i], extraBytes[i]));
		}
		Arrays.sort(ratios);
		Arrays.sort(extraBytes);
		text.append(String.format(Locale.ROOT, "  median ratio %.3fx (%.3f-%.3f), median extra %+,.0f B per call",
				median(ratios), ratios[0], ratios[ratios.length - 1], median(extraBytes)));
		return text.toString();
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** One fork's score: microseconds and bytes allocated per call. */
	private record Fork(double microseconds, double bytes) {
	}

	/** The two forks of a pair. */
	private record Pair(Fork baseline, Fork llmobs) {
	}

}
