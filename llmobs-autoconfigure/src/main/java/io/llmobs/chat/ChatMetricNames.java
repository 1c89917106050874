package io.llmobs.chat;

/**
 * Names of the meters that the chat instrumentation records (see
 * {@code docs/reference.md}).
 */
public final class ChatMetricNames {

	/**
	 * Timer of {@code ChatClient} calls, tags model, provider, stage, tenant, outcome.
	 */
	public static final String CHAT = "llmobs.chat";

	/**
	 * Timer from the start of a streamed call to its first non-empty chunk, tags model,
	 * provider, stage.
	 */
	public static final String TIME_TO_FIRST_TOKEN = "llmobs.chat.ttft";

	/**
	 * Counter of retried attempts of model calls, tags model, provider, reason
	 * ({@link RetryReason}).
	 */
	public static final String RETRIES = "llmobs.chat.retries";

	/** Counter of tokens, tags model, provider, stage, tenant, type. */
	public static final String TOKENS = "llmobs.tokens";

	/** Counter of USD spent, tags model, provider, stage, tenant. */
	public static final String COST = "llmobs.cost";

	/** Counter of responses of models without a price, tags model, provider. */
	public static final String COST_UNPRICED = "llmobs.cost.unpriced";

	/** Counter of responses that reported no token usage, tags model, provider. */
	public static final String USAGE_MISSING = "llmobs.usage.missing";

	/**
	 * Counter of generations by normalized finish reason, tags model, provider, stage,
	 * reason.
	 */
	public static final String FINISH_REASON = "llmobs.finish.reason";

	/**
	 * Timer of task scopes (recorded through the task observation), tags task, outcome.
	 */
	public static final String TASK = "llmobs.task";

	/** Model round trips per {@code ChatClient} call, by stage. */
	public static final String AGENT_ITERATIONS = "llmobs.agent.iterations";

	/** Distribution summary of USD per task, tags task, outcome. */
	public static final String TASK_COST = "llmobs.task.cost";

	private ChatMetricNames() {
	}

}
