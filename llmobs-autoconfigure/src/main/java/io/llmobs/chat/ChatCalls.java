package io.llmobs.chat;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Looks up the {@code ChatClient} call that encloses an observation, for the parts of llmobs that observe what
 * happens inside one (tool calls).
 */
public final class ChatCalls {

	private ChatCalls() {
	}

	/**
	 * The attribution of the {@code ChatClient} call around an observation.
	 * @param context the observation's context, or {@code null}
	 * @return the enclosing call's stage and tenant, or {@code null} when there is none
	 */
	public static @Nullable CallAttribution attribution(Observation.@Nullable ContextView context) {
		ChatCall call = ObservationAncestry.find(context, ChatCall.class);
		return (call != null) ? call.attribution() : null;
	}

}
