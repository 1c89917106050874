package io.llmobs.judge;

/**
 * Attributes of the judgement span and its evaluation events: OpenTelemetry GenAI
 * semantic-convention names where one exists, else under {@code llmobs.}.
 */
public final class JudgeSpanAttributes {

	/** The operation of the judgement span: {@code evaluate}. */
	public static final String OPERATION_NAME = "gen_ai.operation.name";

	/** Event attribute: the criterion. */
	public static final String EVALUATION_NAME = "gen_ai.evaluation.name";

	/** Event attribute: the score. */
	public static final String EVALUATION_SCORE = "gen_ai.evaluation.score.value";

	/** Event attribute: the label. */
	public static final String EVALUATION_LABEL = "gen_ai.evaluation.score.label";

	/** Event attribute: the explanation. */
	public static final String EVALUATION_EXPLANATION = "gen_ai.evaluation.explanation";

	/** Span attribute: the failure category the judge named. */
	public static final String FAILURE_CATEGORY = "llmobs.failure.category";

	private JudgeSpanAttributes() {
	}

}
