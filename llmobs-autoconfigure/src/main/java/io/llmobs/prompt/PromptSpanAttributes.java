package io.llmobs.prompt;

/**
 * Span attributes of the prompt identity, on {@code ChatClient} calls and their model
 * calls.
 */
public final class PromptSpanAttributes {

	/**
	 * Name of the prompt, from the registry or the {@code llmobs.prompt.name} advisor
	 * parameter.
	 */
	public static final String PROMPT_NAME = "gen_ai.prompt.name";

	/**
	 * Version of the prompt, from the registry or the {@code llmobs.prompt.version}
	 * advisor parameter.
	 */
	public static final String PROMPT_VERSION = "gen_ai.prompt.version";

	/**
	 * Version of the system message template, whether or not it comes from the registry.
	 */
	public static final String PROMPT_HASH = "llmobs.prompt.hash";

	private PromptSpanAttributes() {
	}

}
