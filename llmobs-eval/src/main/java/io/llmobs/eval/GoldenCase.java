package io.llmobs.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One case of a golden dataset: a question, the reference answer, the context the
 * pipeline should rely on, tags, and the cheap checks its answer must pass.
 *
 * @param id a stable id, for the report and the baseline
 * @param input the question given to the pipeline
 * @param reference the reference answer, shown to the judge as context
 * @param context documents the answer should rely on, shown to the judge
 * @param tags free labels, for the report
 * @param exact the whole answer must equal this (trimmed), or {@code null}
 * @param contains the answer must contain each of these (case-insensitive)
 * @param regex the answer must contain a match of this regular expression, or
 * {@code null}
 */
public record GoldenCase(String id, String input, String reference, List<String> context, List<String> tags,
		@Nullable String exact, List<String> contains, @Nullable Pattern regex) {

	/**
	 * Runs the cheap checks on an answer.
	 * @param answer the answer
	 * @return pass or fail by check name ({@code exact}, {@code contains:<text>},
	 * {@code regex}), in order
	 */
	public Map<String, Boolean> check(String answer) {
		Map<String, Boolean> results = new LinkedHashMap<>();
		if (this.exact != null) {
			results.put("exact", this.exact.strip().equals(answer.strip()));
		}
		String lowerAnswer = answer.toLowerCase(Locale.ROOT);
		for (String text : this.contains) {
			results.put("contains:" + text, lowerAnswer.contains(text.toLowerCase(Locale.ROOT)));
		}
		if (this.regex != null) {
			results.put("regex", this.regex.matcher(answer).find());
		}
		return results;
	}

	/**
	 * What the judge reads as context: the case's documents and its reference answer.
	 * @return the documents
	 */
	public List<String> judgeContext() {
		List<String> documents = new ArrayList<>(this.context);
		if (!this.reference.isBlank()) {
			documents.add("Reference answer: " + this.reference);
		}
		return documents;
	}

}
