package io.llmobs.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The judge's instructions: the criteria, their descriptions and the rubric text that
 * becomes the system prompt, and how an answer is laid out for the judge. The rubric text
 * may use {@code {criteria}} (one line per criterion with its description),
 * {@code {criteria_json}} (the criteria as the JSON members of the expected scores) and
 * {@code {categories}} (the failure categories).
 */
public final class JudgeRubric {

	/** The bundled rubric text, a class-path resource. */
	public static final String DEFAULT_RESOURCE = "io/llmobs/judge/rubric.txt";

	private static final Map<String, String> KNOWN_CRITERIA = Map.of("faithfulness",
			"every claim of the answer is supported by the given context; with no context, the answer claims nothing "
					+ "that would need one",
			"relevance", "the answer addresses the user's question directly and completely");

	private static final Map<FailureCategory, String> CATEGORY_DESCRIPTIONS = categoryDescriptions();

	private final List<String> criteria;

	private final String systemPrompt;

	/**
	 * Creates a rubric.
	 * @param criteria the criteria, in order; {@code faithfulness} and {@code relevance}
	 * have descriptions, other names are given to the judge as they are
	 * @param text the rubric text with its placeholders
	 */
	public JudgeRubric(List<String> criteria, String text) {
		if (criteria.isEmpty()) {
			throw new IllegalArgumentException("A rubric needs at least one criterion");
		}
		this.criteria = List.copyOf(criteria);
		this.systemPrompt = text.replace("{criteria}", describe(this.criteria))
			.replace("{criteria_json}", json(this.criteria))
			.replace("{categories}", categories());
	}

	/**
	 * A rubric with the bundled text.
	 * @param criteria the criteria, in order
	 * @return the rubric
	 */
	public static JudgeRubric bundled(List<String> criteria) {
		try (InputStream in = JudgeRubric.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The bundled rubric " + DEFAULT_RESOURCE + " is missing");
			}
			return new JudgeRubric(criteria, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the bundled rubric " + DEFAULT_RESOURCE, ex);
		}
	}

	/**
	 * The criteria, in order.
	 * @return the criterion names
	 */
	public List<String> criteria() {
		return this.criteria;
	}

	/**
	 * The system prompt of the judge.
	 * @return the rubric text with its placeholders replaced
	 */
	public String systemPrompt() {
		return this.systemPrompt;
	}

	/**
	 * The user message that shows the judge one answer.
	 * @param request the question, context and answer
	 * @return the message
	 */
	public String userPrompt(JudgeRequest request) {
		StringBuilder prompt = new StringBuilder(256 + request.input().length() + request.answer().length());
		prompt.append("## Question\n").append(request.input()).append("\n\n## Context\n");
		if (request.documents().isEmpty() && request.toolResults().isEmpty()) {
			prompt.append("(none)\n");
		}
		int index = 1;
		for (String document : request.documents()) {
			prompt.append("[document ").append(index++).append("] ").append(document).append('\n');
		}
		index = 1;
		for (String result : request.toolResults()) {
			prompt.append("[tool result ").append(index++).append("] ").append(result).append('\n');
		}
		prompt.append("\n## Answer\n").append(request.answer()).append('\n');
		return prompt.toString();
	}

	private static String describe(List<String> criteria) {
		StringJoiner lines = new StringJoiner("\n");
		for (String criterion : criteria) {
			String description = KNOWN_CRITERIA.get(criterion);
			lines.add("- " + criterion + ((description != null) ? ": " + description : ""));
		}
		return lines.toString();
	}

	private static String json(List<String> criteria) {
		StringJoiner members = new StringJoiner(", ");
		for (String criterion : criteria) {
			members.add("\"" + criterion + "\": 0.0");
		}
		return members.toString();
	}

	private static String categories() {
		StringJoiner lines = new StringJoiner("\n");
		CATEGORY_DESCRIPTIONS
			.forEach((category, description) -> lines.add("- " + category.tagValue() + ": " + description));
		return lines.toString();
	}

	private static Map<FailureCategory, String> categoryDescriptions() {
		Map<FailureCategory, String> descriptions = new LinkedHashMap<>();
		descriptions.put(FailureCategory.RETRIEVAL_MISS, "the context lacks what the question needs");
		descriptions.put(FailureCategory.RANKING, "the needed context is there but buried under less relevant text");
		descriptions.put(FailureCategory.CONTEXT_CONSTRUCTION, "the context is cut, garbled or contradictory");
		descriptions.put(FailureCategory.UNSUPPORTED_GENERATION, "the answer claims what the context does not support");
		descriptions.put(FailureCategory.TOOL_FAILURE, "a tool result shows an error or is missing");
		descriptions.put(FailureCategory.SERVING_BOTTLENECK, "the answer is cut short or empty");
		descriptions.put(FailureCategory.SAFETY, "the answer is harmful, leaks data or should have been refused");
		descriptions.put(FailureCategory.COVERAGE_GAP, "the question is outside what the assistant can answer");
		return descriptions;
	}

}
