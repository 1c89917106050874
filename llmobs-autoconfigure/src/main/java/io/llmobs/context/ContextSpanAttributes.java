package io.llmobs.context;

/**
 * Span attributes that the context accounting adds to Spring AI's model-call spans.
 */
public final class ContextSpanAttributes {

	/**
	 * Prefix of the per-section token attributes,
	 * {@code llmobs.context.tokens.<section>}.
	 */
	public static final String TOKENS_PREFIX = "llmobs.context.tokens.";

	/** Estimated prompt tokens over the model's context window. */
	public static final String UTILIZATION = "llmobs.context.utilization";

	private ContextSpanAttributes() {
	}

}
