package io.llmobs.chat;

/**
 * Keys of the per-call parameters that llmobs reads from a {@code ChatClient} call's advisor context, for example
 * {@code chatClient.prompt(question).advisors((a) -> a.param(LlmObsParams.STAGE, "classify")).call()}.
 */
public final class LlmObsParams {

	/** Pipeline stage of the call ({@code classify}, {@code retrieve}, {@code generate}, ...). */
	public static final String STAGE = "llmobs.stage";

	/** Tenant or cohort of the call, for cost and latency segmentation. */
	public static final String TENANT = "llmobs.tenant";

	/** {@code true}: never judge this call; the judge sets it on its own calls. */
	public static final String JUDGE_SKIP = "llmobs.judge.skip";

	private LlmObsParams() {
	}

}
