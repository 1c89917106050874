package io.llmobs.core;

/**
 * Keys of the per-call parameters that llmobs reads from a {@code ChatClient} call's
 * advisor context, for example
 * {@code chatClient.prompt(question).advisors((a) -> a.param(LlmObsParams.STAGE, "classify")).call()}.
 */
public final class LlmObsParams {

	/**
	 * Pipeline stage of the call ({@code classify}, {@code retrieve}, {@code generate},
	 * ...).
	 */
	public static final String STAGE = "llmobs.stage";

	/** Tenant or cohort of the call, for cost and latency segmentation. */
	public static final String TENANT = "llmobs.tenant";

	/**
	 * Name of the prompt the call uses, when it is not a registry prompt (a registry
	 * prompt names itself); carried as {@code gen_ai.prompt.name} on the call's spans.
	 */
	public static final String PROMPT_NAME = "llmobs.prompt.name";

	/**
	 * Version of the prompt named by {@link #PROMPT_NAME}; defaults to the hash of the
	 * call's system message template.
	 */
	public static final String PROMPT_VERSION = "llmobs.prompt.version";

	/**
	 * Conversation the call belongs to, when it is not given as Spring AI's chat-memory
	 * conversation id ({@code ChatMemory.CONVERSATION_ID}); carried as
	 * {@code gen_ai.conversation.id} on the call's spans, never as a metric tag.
	 */
	public static final String CONVERSATION_ID = "llmobs.conversation.id";

	/** {@code true}: never judge this call; the judge sets it on its own calls. */
	public static final String JUDGE_SKIP = "llmobs.judge.skip";

	private LlmObsParams() {
	}

}
