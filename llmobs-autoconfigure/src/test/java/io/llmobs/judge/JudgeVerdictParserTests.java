package io.llmobs.judge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * What a judge's reply may look like and still be read.
 */
class JudgeVerdictParserTests {

	private final JudgeVerdictParser parser = new JudgeVerdictParser(List.of("faithfulness", "relevance"));

	@Test
	void readsBareJson() {
		JudgeVerdict verdict = this.parser.parse("""
				{"scores": {"faithfulness": 0.5, "relevance": 1}, "label": "fail", "explanation": "Half made up.", \
				"failure_category": "unsupported_generation"}""");
		assertThat(verdict.scores()).containsExactly(entry("faithfulness", 0.5), entry("relevance", 1.0));
		assertThat(verdict.label()).isEqualTo("fail");
		assertThat(verdict.explanation()).isEqualTo("Half made up.");
		assertThat(verdict.category()).isEqualTo(FailureCategory.UNSUPPORTED_GENERATION);
		assertThat(verdict.meanScore()).isEqualTo(0.75);
	}

	@Test
	void readsJsonInCodeFencesAndProse() {
		JudgeVerdict verdict = this.parser.parse("""
				Sure! Here is the verdict:
				```json
				{"scores": {"faithfulness": 1.0, "relevance": 0.9}, "label": "pass", "failure_category": "none"}
				```
				Let me know if you need more.""");
		assertThat(verdict.scores()).containsEntry("relevance", 0.9);
		assertThat(verdict.explanation()).isEmpty();
		assertThat(verdict.category()).isNull();
	}

	@Test
	void unknownCategoriesAreNone() {
		assertThat(this.parser
			.parse("{\"scores\": {\"faithfulness\": 1, \"relevance\": 1}, "
					+ "\"failure_category\": \"Retrieval-Miss\"}")
			.category()).isEqualTo(FailureCategory.RETRIEVAL_MISS);
		assertThat(this.parser
			.parse("{\"scores\": {\"faithfulness\": 1, \"relevance\": 1}, " + "\"failure_category\": \"cosmic rays\"}")
			.category()).isNull();
	}

	@Test
	void rejectsRepliesWithoutAFullVerdict() {
		for (String reply : new String[] { "The answer is fine.", "{not json}", "{\"scores\": {\"faithfulness\": 1}}",
				"{\"scores\": {\"faithfulness\": 1.2, \"relevance\": 1}}",
				"{\"scores\": {\"faithfulness\": \"high\", \"relevance\": 1}}", "" }) {
			assertThatExceptionOfType(UnparseableVerdictException.class).as(reply)
				.isThrownBy(() -> this.parser.parse(reply));
		}
		assertThatExceptionOfType(UnparseableVerdictException.class).isThrownBy(() -> this.parser.parse(null));
	}

	@Test
	void rubricNamesEveryCriterionAndCategory() {
		JudgeRubric rubric = JudgeRubric.bundled(List.of("faithfulness", "relevance", "tone"));
		assertThat(rubric.systemPrompt())
			.contains("- faithfulness: every claim", "- tone\n",
					"\"scores\": {\"faithfulness\": 0.0, \"relevance\": 0.0, \"tone\": 0.0}", "- retrieval_miss:",
					"- coverage_gap:")
			.doesNotContain("{criteria}", "{categories}");
		assertThat(rubric.userPrompt(new JudgeRequest("Where?", List.of("Doc A"), List.of("{\"eta\": 2}"), "Here.",
				"answer", "gpt-4o-mini")))
			.isEqualTo("## Question\nWhere?\n\n## Context\n[document 1] Doc A\n[tool result 1] {\"eta\": 2}\n\n"
					+ "## Answer\nHere.\n");
	}

}
