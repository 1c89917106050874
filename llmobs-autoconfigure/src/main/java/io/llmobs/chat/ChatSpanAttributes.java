package io.llmobs.chat;

/**
 * Span attributes that llmobs adds to Spring AI's chat observations: OpenTelemetry GenAI
 * semantic-convention names where one exists, {@code llmobs.*} otherwise.
 */
public final class ChatSpanAttributes {

	/** The provider, as the semantic conventions name it. */
	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	/** Input tokens, cached ones included. */
	public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";

	/** Output tokens. */
	public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

	/** Input tokens read from the prompt cache. */
	public static final String USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens";

	/** Input tokens written to the prompt cache. */
	public static final String USAGE_CACHE_CREATION_INPUT_TOKENS = "gen_ai.usage.cache_creation.input_tokens";

	/** Output tokens spent on reasoning. */
	public static final String USAGE_REASONING_OUTPUT_TOKENS = "gen_ai.usage.reasoning.output_tokens";

	/** Normalized finish reasons, one per generation. */
	public static final String RESPONSE_FINISH_REASONS = "gen_ai.response.finish_reasons";

	/** Pipeline stage. */
	public static final String STAGE = "llmobs.stage";

	/** Tenant. */
	public static final String TENANT = "llmobs.tenant";

	/**
	 * The model call's position in its {@code ChatClient} call, from 1; one more per
	 * round trip of the tool loop.
	 */
	public static final String AGENT_ITERATION = "llmobs.agent.iteration";

	/** USD cost of the model call, or of all model calls of a task. */
	public static final String COST_USD = "llmobs.cost.usd";

	private ChatSpanAttributes() {
	}

}
