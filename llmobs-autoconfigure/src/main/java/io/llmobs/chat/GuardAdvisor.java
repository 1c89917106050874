package io.llmobs.chat;

import io.llmobs.core.InstrumentationErrors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;

/**
 * An llmobs advisor that may refuse a {@code ChatClient} call before it goes on down the
 * chain: a refused call fails with the guard's exception, plain or streamed (the stream
 * then errors when subscribed). A failure of the guard itself is counted under its
 * component and never fails the call, which then goes on.
 */
public abstract class GuardAdvisor implements CallAdvisor, StreamAdvisor, LlmObsAdvisor {

	private final InstrumentationErrors.Component component;

	private final InstrumentationErrors errors;

	/**
	 * Creates the guard.
	 * @param errors where failures of the guard are reported
	 * @param component the component they are reported under
	 */
	protected GuardAdvisor(InstrumentationErrors errors, InstrumentationErrors.Component component) {
		this.component = component;
		this.errors = errors.register(component);
	}

	@Override
	public final ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		RuntimeException refusal = check(request);
		if (refusal != null) {
			throw refusal;
		}
		return chain.nextCall(request);
	}

	@Override
	public final Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.defer(() -> {
			RuntimeException refusal = check(request);
			return (refusal != null) ? Flux.error(refusal) : chain.nextStream(request);
		});
	}

	/**
	 * Decides whether the call may go on.
	 * @param request the call's request
	 * @return the exception that refuses the call, or {@code null} to let it go on
	 */
	protected abstract @Nullable RuntimeException refusal(ChatClientRequest request);

	// A null fallback is a valid T (T extends @Nullable Object), which only NullAway's
	// JSpecify mode can see.
	@SuppressWarnings("NullAway")
	private @Nullable RuntimeException check(ChatClientRequest request) {
		return this.errors.call(this.component, this, request, GuardAdvisor::refusal, null);
	}

}
