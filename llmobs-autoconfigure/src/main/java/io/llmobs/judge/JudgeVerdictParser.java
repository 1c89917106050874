package io.llmobs.judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.llmobs.core.Json;
import org.jspecify.annotations.Nullable;

/**
 * Reads a judge's reply: the first JSON object in it, inside code fences or prose or not,
 * with a score in [0, 1] for each criterion of the rubric.
 */
public final class JudgeVerdictParser {

	private final List<String> criteria;

	/**
	 * Creates a parser.
	 * @param criteria the criteria that each verdict must score
	 */
	public JudgeVerdictParser(List<String> criteria) {
		this.criteria = List.copyOf(criteria);
	}

	/**
	 * Reads a verdict.
	 * @param reply the judge's reply
	 * @return the verdict
	 * @throws UnparseableVerdictException when the reply holds no JSON object, or a
	 * criterion has no score in [0, 1]
	 */
	public JudgeVerdict parse(@Nullable String reply) {
		if (reply == null) {
			throw new UnparseableVerdictException("The judge's reply is empty");
		}
		int start = reply.indexOf('{');
		int end = reply.lastIndexOf('}');
		if (start < 0 || end < start) {
			throw new UnparseableVerdictException("The judge's reply holds no JSON object");
		}
		Map<?, ?> verdict;
		try {
			verdict = (Json.read(reply.substring(start, end + 1)) instanceof Map<?, ?> object) ? object : Map.of();
		}
		catch (IllegalArgumentException ex) {
			throw new UnparseableVerdictException("The judge's reply holds no valid JSON object: " + ex.getMessage());
		}
		Map<?, ?> scoreValues = (verdict.get("scores") instanceof Map<?, ?> object) ? object : Map.of();
		Map<String, Double> scores = new LinkedHashMap<>();
		for (String criterion : this.criteria) {
			if (!(scoreValues.get(criterion) instanceof Number score) || score.doubleValue() < 0
					|| score.doubleValue() > 1) {
				throw new UnparseableVerdictException(
						"The judge's verdict has no score in [0, 1] for '" + criterion + "'");
			}
			scores.put(criterion, score.doubleValue());
		}
		String category = text(verdict, "failure_category");
		return new JudgeVerdict(scores, textOrEmpty(verdict, "label"), textOrEmpty(verdict, "explanation"),
				FailureCategory.of(category));
	}

	private static String textOrEmpty(Map<?, ?> object, String field) {
		String text = text(object, field);
		return (text != null) ? text : "";
	}

	private static @Nullable String text(Map<?, ?> object, String field) {
		Object value = object.get(field);
		return (value instanceof String || value instanceof Number || value instanceof Boolean) ? value.toString()
				: null;
	}

}
