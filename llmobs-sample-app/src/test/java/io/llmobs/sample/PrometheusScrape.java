package io.llmobs.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Reads {@code /actuator/prometheus} of the running sample, line by line.
 */
final class PrometheusScrape {

	/** A sample line: {@code name{labels} value}. */
	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)\\} (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private PrometheusScrape() {
	}

	static List<String> lines(RestTestClient client) {
		return client.get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.lines()
			.toList();
	}

	/**
	 * Adds up the samples of a metric whose labels include the given ones.
	 * @param lines a scrape
	 * @param metric the sample name, such as {@code llmobs_context_tokens_sum}
	 * @param labels label names and values, alternating
	 * @return the sum of the matching samples, 0 when none matches
	 */
	static double sum(List<String> lines, String metric, String... labels) {
		double sum = 0;
		for (String line : lines) {
			Matcher sample = SAMPLE.matcher(line);
			if (sample.matches() && sample.group(1).equals(metric) && hasLabels(sample.group(2), labels)) {
				sum += Double.parseDouble(sample.group(3));
			}
		}
		return sum;
	}

	/**
	 * How much the samples of a metric whose labels include the given ones grew between
	 * two scrapes.
	 * @param before the earlier scrape
	 * @param after the later scrape
	 * @param metric the sample name
	 * @param labels label names and values, alternating
	 * @return the difference of the sums
	 */
	static double increase(List<String> before, List<String> after, String metric, String... labels) {
		return sum(after, metric, labels) - sum(before, metric, labels);
	}

	private static boolean hasLabels(String text, String... labels) {
		Map<String, String> values = new HashMap<>();
		Matcher label = LABEL.matcher(text);
		while (label.find()) {
			values.put(label.group(1), label.group(2));
		}
		for (int i = 0; i < labels.length; i += 2) {
			if (!labels[i + 1].equals(values.get(labels[i]))) {
				return false;
			}
		}
		return true;
	}

}
