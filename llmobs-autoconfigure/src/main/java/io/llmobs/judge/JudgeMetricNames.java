package io.llmobs.judge;

/**
 * Names of the judge's meters, span and event, in one place.
 */
public final class JudgeMetricNames {

	/** Scores 0..1 by criterion, stage and judged model. */
	public static final String SCORE = "llmobs.judge.score";

	/** What became of each call chosen for judging, by outcome. */
	public static final String EVALUATIONS = "llmobs.judge.evaluations";

	/** Judgements waiting in the queue. */
	public static final String QUEUE = "llmobs.judge.queue";

	/** Rolling mean score minus the baseline mean, by criterion and stage. */
	public static final String DRIFT = "llmobs.judge.drift";

	/** Failures by category and stage. */
	public static final String FAILURES = "llmobs.failures";

	/** The span that carries the evaluation events, a child of the judged call's span. */
	public static final String SPAN = "llmobs.judge";

	/** The event of one criterion's result. */
	public static final String EVALUATION_EVENT = "gen_ai.evaluation.result";

	/** The stage of the judge's own calls. */
	public static final String JUDGE_STAGE = "judge";

	private JudgeMetricNames() {
	}

}
