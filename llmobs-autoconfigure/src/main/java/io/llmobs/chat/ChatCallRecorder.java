package io.llmobs.chat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttribution;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.CallPrompt;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.ObservationAncestry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * Starts and records {@code ChatClient} calls for {@link ChatClientMetricsHandler}
 * ({@code call()}) and {@link ChatClientStreamAdvisor} (streams); a failure inside is
 * reported, never thrown. Most guards are spelled out rather than
 * {@link InstrumentationErrors#run}: they run on every call and close over several of its
 * values, which a lambda would allocate.
 */
final class ChatCallRecorder {

	private final CallAttributionResolver attributionResolver;

	private final BoundedTagValues models;

	private final ChatMeters meters;

	private final GenAiConventions conventions;

	private final InstrumentationErrors errors;

	private final Clock clock;

	private final Supplier<List<ChatCallListener>> listeners;

	private final CallPromptLookup prompts;

	/**
	 * Creates the recorder.
	 * @param attributionResolver resolves stage and tenant
	 * @param models bounded model tag values
	 * @param meters the chat meters
	 * @param conventions the meters and span attribute of the semantic conventions
	 * @param errors where failures inside llmobs are reported
	 * @param clock the clock of the meter registry
	 * @param listeners who is told of every call that ended; asked once, at the first
	 * call that ends, so that they may depend on beans that are created after the
	 * observation handlers
	 * @param prompts finds the prompt tags of a call
	 */
	ChatCallRecorder(CallAttributionResolver attributionResolver, BoundedTagValues models, ChatMeters meters,
			GenAiConventions conventions, InstrumentationErrors errors, Clock clock,
			Supplier<List<ChatCallListener>> listeners, CallPromptLookup prompts) {
		this.attributionResolver = attributionResolver;
		this.models = models;
		this.meters = meters;
		this.conventions = conventions;
		this.errors = errors.register(ChatComponents.CHAT_CLIENT);
		this.clock = clock;
		this.listeners = listeners;
		this.prompts = prompts;
	}

	/** Whether a listener wants ended calls, so that streams keep their chunks for it. */
	boolean hasListeners() {
		return !this.listeners.get().isEmpty();
	}

	/**
	 * Starts a call: resolves its attribution from its advisor parameters and finds the
	 * enclosing task.
	 */
	ChatCall start(Map<String, ? extends @Nullable Object> params, Observation.@Nullable ContextView enclosing) {
		try {
			return new ChatCall(this.attributionResolver.resolve(params),
					ObservationAncestry.findContext(enclosing, LlmTaskContext.class), this.clock.monotonicTime());
		}
		catch (RuntimeException ex) {
			this.errors.record(ChatComponents.CHAT_CLIENT, ex);
			return new ChatCall(new CallAttribution(BoundedTagValues.NONE, BoundedTagValues.NONE), null,
					this.clock.monotonicTime());
		}
	}

	/**
	 * Records {@code llmobs.chat}, {@code llmobs.chat.ttft} of a stream that had a first
	 * token, and {@code llmobs.agent.iterations} for a call that ended, then tells the
	 * listeners.
	 * @param streamedChunks the answer's chunks of a stream, {@code null} for
	 * {@code call()}
	 */
	void finish(ChatCall call, ChatClientRequest request, @Nullable ChatResponse response,
			Map<String, @Nullable Object> responseContext, @Nullable List<String> streamedChunks, ChatOutcome outcome,
			@Nullable Throwable error, Observation.@Nullable ContextView observation) {
		String model;
		CallPrompt prompt;
		try {
			model = call.model(this.models, request, response);
			prompt = this.prompts.find(observation);
			this.meters.recordChat(model, call.provider(), call.attribution(), prompt, outcome,
					this.clock.monotonicTime() - call.startNanos());
			if (call.hasFirstToken()) {
				long toFirstToken = call.firstTokenNanos() - call.startNanos();
				this.meters.recordTimeToFirstToken(model, call.provider(), call.attribution().stage(), toFirstToken);
				this.conventions.recordTimeToFirstChunk(call.provider(), model, toFirstToken);
			}
			int iterations = call.modelCalls();
			if (iterations > 0) {
				this.meters.recordIterations(call.attribution().stage(), iterations);
			}
		}
		catch (RuntimeException ex) {
			this.errors.record(ChatComponents.CHAT_CLIENT, ex);
			return;
		}
		try {
			List<ChatCallListener> listeners = this.listeners.get();
			if (listeners.isEmpty()) {
				return;
			}
			FinishedChatCall finished = new FinishedChatCall(request, response, responseContext,
					(streamedChunks != null) ? streamedChunks : List.of(FinishedChatCall.text(response)), outcome,
					error, call.attribution(), model, call.toolFailures(), call.isLoopStopped(), call.toolResults(),
					call.isGuardrailBlocked(), prompt, observation);
			for (ChatCallListener listener : listeners) {
				// One at a time: a failing listener neither fails the call nor keeps the
				// others from hearing of it.
				this.errors.run(ChatComponents.CHAT_CLIENT, listener, finished, ChatCallListener::onFinished);
			}
		}
		catch (RuntimeException ex) {
			this.errors.record(ChatComponents.CHAT_CLIENT, ex);
		}
	}

	/**
	 * Notes the first non-empty chunk of a stream and puts the semantic conventions' time
	 * to first chunk on the span of its {@code ChatClient} call; {@code llmobs.chat.ttft}
	 * and its semantic-convention meter are recorded when the stream ends, under the
	 * model that {@code llmobs.chat} carries, which the first chunk may not name yet.
	 * @param observation the observation current in the stream, within the call's
	 */
	void firstToken(ChatCall call, Observation.@Nullable Context observation) {
		long now = this.clock.monotonicTime();
		call.firstToken(now);
		try {
			this.conventions.timeToFirstChunkOnSpan(now - call.startNanos(), observation);
		}
		catch (RuntimeException ex) {
			this.errors.record(ChatComponents.CHAT_CLIENT, ex);
		}
	}

}
