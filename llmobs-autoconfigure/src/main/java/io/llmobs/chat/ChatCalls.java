package io.llmobs.chat;

import io.llmobs.core.CallAttribution;
import io.llmobs.core.ObservationAncestry;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * Looks up the {@code ChatClient} call that encloses an observation, for the parts of
 * llmobs that observe what happens inside one (tool calls, the tool loop, guardrails),
 * and notes what they saw on it.
 */
public final class ChatCalls {

	private ChatCalls() {
	}

	/**
	 * The record of the nearest {@code ChatClient} call around an observation, looked for
	 * on the contexts of {@code ChatClient} calls only.
	 * @param context the observation's context, or {@code null}
	 * @return the call, or {@code null} when none encloses the observation
	 */
	static @Nullable ChatCall enclosing(Observation.@Nullable ContextView context) {
		return ObservationAncestry.find(context, ChatClientObservationContext.class, ChatCall.class);
	}

	/**
	 * The attribution of the {@code ChatClient} call around an observation.
	 * @param context the observation's context, or {@code null}
	 * @return the enclosing call's stage and tenant, or {@code null} when there is none
	 */
	public static @Nullable CallAttribution attribution(Observation.@Nullable ContextView context) {
		ChatCall call = enclosing(context);
		return (call != null) ? call.attribution() : null;
	}

	/**
	 * Notes that a tool call of the enclosing {@code ChatClient} call failed (error,
	 * time-out, open breaker).
	 * @param context the tool observation's context, or {@code null}
	 */
	public static void toolFailed(Observation.@Nullable ContextView context) {
		ChatCall call = enclosing(context);
		if (call != null) {
			call.toolFailed();
		}
	}

	/**
	 * Notes that llmobs stopped the tool loop of the enclosing {@code ChatClient} call or
	 * held back one of its tool calls.
	 * @param context the context of an observation within the call, or {@code null}
	 */
	public static void loopStopped(Observation.@Nullable ContextView context) {
		ChatCall call = enclosing(context);
		if (call != null) {
			call.loopStopped();
		}
	}

	/**
	 * Notes that a guardrail of the application blocked the enclosing {@code ChatClient}
	 * call.
	 * @param context the context of the current observation, or {@code null}
	 * @return whether a call encloses the observation, so that the block is known from
	 * the call when it ends
	 */
	public static boolean guardrailBlocked(Observation.@Nullable ContextView context) {
		ChatCall call = enclosing(context);
		if (call == null) {
			return false;
		}
		call.guardrailBlocked();
		return true;
	}

	/**
	 * Keeps a reference to the result that a tool returned within the enclosing
	 * {@code ChatClient} call.
	 * @param context the tool observation's context, or {@code null}
	 * @param result what the tool returned
	 */
	public static void toolResult(Observation.@Nullable ContextView context, String result) {
		ChatCall call = enclosing(context);
		if (call != null) {
			call.toolResult(result);
		}
	}

}
