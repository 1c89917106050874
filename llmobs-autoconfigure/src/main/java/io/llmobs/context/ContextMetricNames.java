package io.llmobs.context;

/**
 * Names of the meters that the context accounting records.
 */
public final class ContextMetricNames {

	/** Estimated tokens per prompt section and model call. */
	public static final String TOKENS = "llmobs.context.tokens";

	/** Estimated prompt tokens over the model's context window, per model call. */
	public static final String UTILIZATION = "llmobs.context.utilization";

	/** Model calls whose utilization reached {@code llmobs.context.warn-ratio}. */
	public static final String THRESHOLD_EXCEEDED = "llmobs.context.threshold.exceeded";

	/** Calls that the block guard refused before sending them. */
	public static final String BLOCKED = "llmobs.context.blocked";

	/**
	 * Absolute relative error of the calibrated estimate against the provider's reported
	 * input tokens.
	 */
	public static final String ESTIMATE_ERROR = "llmobs.context.estimate.error";

	/** Model calls to a model whose context window is unknown. */
	public static final String WINDOW_UNKNOWN = "llmobs.context.window.unknown";

	private ContextMetricNames() {
	}

}
