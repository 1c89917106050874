package io.llmobs.prompt;

import org.jspecify.annotations.Nullable;

/**
 * Which prompt a chat call used: its registry (or advisor-parameter) name and version,
 * and the hash of its system message template; each may be absent.
 *
 * @param name the {@code gen_ai.prompt.name} value, or {@code null}
 * @param version the {@code gen_ai.prompt.version} value, or {@code null}
 * @param hash the {@code llmobs.prompt.hash} value: the version of the system message
 * template, or {@code null} when the call has no system message
 */
record PromptIdentity(@Nullable String name, @Nullable String version, @Nullable String hash) {

	/** The identity of a call without parameters, registry prompt or system message. */
	public static final PromptIdentity NONE = new PromptIdentity(null, null, null);

}
