package io.llmobs.capture;

/**
 * Span attributes of captured content (OpenTelemetry GenAI semantic conventions), and the
 * content attributes of Spring AI's own observations that are redacted.
 */
public final class ContentAttributes {

	/** System instructions: a JSON array of parts. */
	public static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";

	/**
	 * The chat history sent to the model: a JSON array of messages with role and parts.
	 */
	public static final String INPUT_MESSAGES = "gen_ai.input.messages";

	/**
	 * The model's answers: a JSON array of messages with role, parts and finish reason.
	 */
	public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

	/**
	 * Spring AI's tool-call arguments
	 * ({@code spring.ai.tools.observations.include-content}).
	 */
	public static final String SPRING_AI_TOOL_CALL_ARGUMENTS = "spring.ai.tool.call.arguments";

	/**
	 * Spring AI's tool-call result
	 * ({@code spring.ai.tools.observations.include-content}).
	 */
	public static final String SPRING_AI_TOOL_CALL_RESULT = "spring.ai.tool.call.result";

	/** Spring AI's vector-store query text, always added by its default convention. */
	public static final String DB_VECTOR_QUERY_CONTENT = "db.vector.query.content";

	/** Spring AI's vector-store filter expression, which may hold values. */
	public static final String DB_VECTOR_QUERY_FILTER = "db.vector.query.filter";

	private ContentAttributes() {
	}

}
