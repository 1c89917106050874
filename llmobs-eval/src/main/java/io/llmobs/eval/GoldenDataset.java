package io.llmobs.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A golden dataset in JSON Lines: one case per line, blank lines and lines starting with
 * {@code #} skipped. A line is
 * {@code {"id": "...", "input": "...", "reference": "...", "context": ["..."], "tags": ["..."],
 * "exact": "...", "contains": ["..."], "regex": "..."}}; {@code input} is required,
 * {@code id} defaults to the line number, {@code contains} may be a single string.
 *
 * @param name the dataset's name, for the reports
 * @param cases the cases, in file order
 */
public record GoldenDataset(String name, List<GoldenCase> cases) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads a dataset file; its name is the file name without extension.
	 * @param file the JSONL file
	 * @return the dataset
	 */
	public static GoldenDataset read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			String fileName = file.getFileName().toString();
			int dot = fileName.lastIndexOf('.');
			return read((dot > 0) ? fileName.substring(0, dot) : fileName, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the golden dataset " + file, ex);
		}
	}

	/**
	 * Reads a dataset from the class path.
	 * @param resource the resource path, such as {@code golden/questions.jsonl}
	 * @return the dataset
	 */
	public static GoldenDataset fromClasspath(String resource) {
		InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalArgumentException("No golden dataset at classpath:" + resource);
		}
		String fileName = resource.substring(resource.lastIndexOf('/') + 1);
		int dot = fileName.lastIndexOf('.');
		try (in) {
			return read((dot > 0) ? fileName.substring(0, dot) : fileName, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the golden dataset classpath:" + resource, ex);
		}
	}

	/**
	 * Reads a dataset.
	 * @param name the dataset's name
	 * @param jsonl the JSON Lines
	 * @return the dataset
	 * @throws IllegalArgumentException naming the line of the first invalid case
	 */
	public static GoldenDataset read(String name, InputStream jsonl) {
		List<GoldenCase> cases = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(jsonl, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.strip().startsWith("#")) {
					continue;
				}
				GoldenCase goldenCase = parse(line, number);
				if (!ids.add(goldenCase.id())) {
					throw new IllegalArgumentException("Golden dataset '" + name + "' line " + number
							+ ": duplicate id '" + goldenCase.id() + "'");
				}
				cases.add(goldenCase);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the golden dataset '" + name + "'", ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Golden dataset '" + name + "' " + ex.getMessage(), ex);
		}
		return new GoldenDataset(name, List.copyOf(cases));
	}

	private static GoldenCase parse(String line, int number) {
		JsonNode node;
		try {
			node = JSON.readTree(line);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("line " + number + ": not JSON: " + ex.getOriginalMessage());
		}
		String input = text(node, "input");
		if (input == null || input.isBlank()) {
			throw new IllegalArgumentException("line " + number + ": 'input' is required");
		}
		String id = text(node, "id");
		String regex = text(node, "regex");
		Pattern pattern = null;
		if (regex != null) {
			try {
				pattern = Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("line " + number + ": invalid 'regex': " + ex.getDescription());
			}
		}
		String reference = text(node, "reference");
		return new GoldenCase((id != null) ? id : "line-" + number, input, (reference != null) ? reference : "",
				texts(node, "context"), texts(node, "tags"), text(node, "exact"), texts(node, "contains"), pattern);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private static List<String> texts(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			return List.of(value.asString());
		}
		List<String> texts = new ArrayList<>();
		value.forEach((item) -> texts.add(item.asString()));
		return List.copyOf(texts);
	}

}
