package io.llmobs.chat;

import io.llmobs.core.CallPrompt;
import io.llmobs.core.ObservationAncestry;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Finds the bounded prompt that the prompt feature left on a {@code ChatClient} call's
 * observation, for the prompt tags of the chat meters; {@code null} everywhere when the
 * tags are off, so that every meter of a name keeps one set of tag keys.
 */
final class CallPromptLookup {

	private final boolean enabled;

	/**
	 * Creates the look-up.
	 * @param enabled whether the chat meters carry prompt tags
	 */
	CallPromptLookup(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The prompt of the call around an observation.
	 * @param context the observation's context, or {@code null}
	 * @return the prompt, {@link CallPrompt#NONE} when the call has none, {@code null}
	 * when the tags are off
	 */
	@Nullable CallPrompt find(Observation.@Nullable ContextView context) {
		if (!this.enabled) {
			return null;
		}
		CallPrompt prompt = ObservationAncestry.find(context, ChatClientObservationContext.class, CallPrompt.class);
		return (prompt != null) ? prompt : CallPrompt.NONE;
	}

}
