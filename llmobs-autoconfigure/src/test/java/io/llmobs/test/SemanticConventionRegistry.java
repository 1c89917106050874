package io.llmobs.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OpenTelemetry GenAI semantic conventions registry, read from the TSV files in
 * {@code src/test/resources/semconv/} (their source commit is in the README there).
 */
public final class SemanticConventionRegistry {

	private static final SemanticConventionRegistry INSTANCE = new SemanticConventionRegistry();

	private final Map<String, String> attributeTypes;

	private final Set<String> templates;

	private final Map<String, Set<String>> enumValues;

	private final Set<String> deprecated;

	private final Map<String, Set<String>> eventAttributes;

	private final Map<String, Metric> metrics;

	private final List<SpanName> spanNames;

	private SemanticConventionRegistry() {
		List<String[]> attributes = rows("attributes.tsv");
		this.attributeTypes = attributes.stream().collect(Collectors.toMap((row) -> row[0], (row) -> row[1]));
		this.templates = attributes.stream()
			.filter((row) -> row[1].startsWith("template["))
			.map((row) -> row[0] + ".")
			.collect(Collectors.toSet());
		this.enumValues = new HashMap<>();
		rows("enums.tsv")
			.forEach((row) -> this.enumValues.computeIfAbsent(row[0], (key) -> new HashSet<>()).add(row[1]));
		this.deprecated = rows("deprecated.tsv").stream().map((row) -> row[1]).collect(Collectors.toSet());
		this.eventAttributes = rows("events.tsv").stream()
			.collect(Collectors.toMap((row) -> row[0], (row) -> Set.of(row[3].split(","))));
		this.metrics = rows("metrics.tsv").stream()
			.map((row) -> new Metric(row[0], row[1], row[2], Set.of(row[5].split(","))))
			.collect(Collectors.toMap(Metric::name, Function.identity()));
		this.spanNames = rows("spans.tsv").stream().map((row) -> new SpanName(row[1], row[7])).toList();
	}

	/** The registry. */
	public static SemanticConventionRegistry get() {
		return INSTANCE;
	}

	/**
	 * Whether the key is an attribute of the registry, or the instance of one of its
	 * templates ({@code gen_ai.prompt.variable.<name>}).
	 */
	public boolean isAttribute(String key) {
		return this.attributeTypes.containsKey(key) || this.templates.stream().anyMatch(key::startsWith);
	}

	/**
	 * The registry's type of an attribute ({@code string}, {@code int}, {@code double},
	 * {@code string[]}, {@code any}, ...), or {@code null}.
	 */
	public String type(String key) {
		return this.attributeTypes.get(key);
	}

	/** The well-known values of an enum attribute, empty for other attributes. */
	public Set<String> enumValues(String key) {
		return this.enumValues.getOrDefault(key, Set.of());
	}

	/** Whether the name is a deprecated attribute or event. */
	public boolean isDeprecated(String name) {
		return this.deprecated.contains(name);
	}

	/**
	 * The attributes of an event, or {@code null} when the registry has no such event.
	 */
	public Set<String> eventAttributes(String event) {
		return this.eventAttributes.get(event);
	}

	/** A metric of the registry, or {@code null}. */
	public Metric metric(String name) {
		return this.metrics.get(name);
	}

	/**
	 * Whether a span is named as one of the registry's span types of its operation says,
	 * its placeholders filled with the span's attributes (or the type's fallback name).
	 * @param name the span's name
	 * @param attributes the span's string attributes by name
	 */
	public boolean isSpanName(String name, Function<String, String> attributes) {
		String operation = attributes.apply("gen_ai.operation.name");
		return this.spanNames.stream()
			.filter((spanName) -> spanName.isOf(operation))
			.anyMatch((spanName) -> name.equals(spanName.resolve(attributes)));
	}

	/** Every deprecated name. */
	public Set<String> deprecated() {
		return this.deprecated;
	}

	/**
	 * A span name pattern of the registry, such as {@code execute_tool
	 * {gen_ai.tool.name}}.
	 */
	private record SpanName(String pattern, String fallback) {

		private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

		boolean isOf(String operation) {
			return this.pattern.startsWith("{gen_ai.operation.name}") || this.pattern.startsWith(operation + " ");
		}

		String resolve(Function<String, String> attributes) {
			Matcher matcher = PLACEHOLDER.matcher(this.pattern);
			StringBuilder name = new StringBuilder();
			while (matcher.find()) {
				String value = attributes.apply(matcher.group(1));
				if (value == null) {
					return this.fallback;
				}
				matcher.appendReplacement(name, Matcher.quoteReplacement(value));
			}
			matcher.appendTail(name);
			return name.toString();
		}

	}

	private static List<String[]> rows(String file) {
		try (InputStream input = SemanticConventionRegistry.class.getResourceAsStream("/semconv/" + file)) {
			if (input == null) {
				throw new IllegalStateException("no semconv/" + file + " on the test class path");
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.skip(1)
				.filter((line) -> !line.isBlank())
				.map((line) -> line.split("\t", -1))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A metric of the registry.
	 *
	 * @param name its name
	 * @param instrument {@code histogram}, {@code counter}, ...
	 * @param unit its UCUM unit ({@code s}, <code>{token}</code>)
	 * @param attributes the attributes it may carry
	 */
	public record Metric(String name, String instrument, String unit, Set<String> attributes) {

		@Override
		public String toString() {
			return this.name + " (" + this.instrument + ", " + this.unit + ", "
					+ Arrays.toString(this.attributes.stream().sorted().toArray()) + ")";
		}

	}

}
