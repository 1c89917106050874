package io.llmobs.feedback;

/**
 * Names of the feedback and guardrail meters.
 */
public final class FeedbackMetricNames {

	/** Counter of feedback on known calls, by outcome and stage. */
	public static final String FEEDBACK = "llmobs.feedback";

	/** Counter of feedback on ids that are unknown or expired, by outcome. */
	public static final String FEEDBACK_UNKNOWN = "llmobs.feedback.unknown";

	/**
	 * Timer of the time to good output: from the call's request to its first
	 * {@code accepted}, by stage.
	 */
	public static final String TTGO = "llmobs.ttgo";

	/** Counter of guardrail verdicts, by guardrail and verdict. */
	public static final String GUARDRAIL = "llmobs.guardrail";

	/**
	 * Counter of guardrail blocks that users overrode ({@code edited} or
	 * {@code thumbs_down}), by guardrail.
	 */
	public static final String GUARDRAIL_FALSE_POSITIVE = "llmobs.guardrail.false.positive";

	private FeedbackMetricNames() {
	}

}
