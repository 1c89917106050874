package io.llmobs.judge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a judge's reply: the first JSON object in it, inside code fences or prose or not,
 * with a score in [0, 1] for each criterion of the rubric.
 */
public final class JudgeVerdictParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		JsonNode verdict;
		try {
			verdict = JSON.readTree(reply.substring(start, end + 1));
		}
		catch (JacksonException ex) {
			throw new UnparseableVerdictException(
					"The judge's reply holds no valid JSON object: " + ex.getOriginalMessage());
		}
		JsonNode scoreNodes = verdict.path("scores");
		Map<String, Double> scores = new LinkedHashMap<>();
		for (String criterion : this.criteria) {
			JsonNode score = scoreNodes.path(criterion);
			if (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
				throw new UnparseableVerdictException(
						"The judge's verdict has no score in [0, 1] for '" + criterion + "'");
			}
			scores.put(criterion, score.asDouble());
		}
		return new JudgeVerdict(scores, verdict.path("label").asString(""), verdict.path("explanation").asString(""),
				FailureCategory.of(verdict.path("failure_category").asString(null)));
	}

}
