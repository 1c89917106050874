package io.llmobs.chat;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttribution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * State of one {@code ChatClient} call that its model calls share: the attribution
 * resolved once when the call starts, the enclosing task, when it started, how many model
 * calls it made, the provider and requested model that the latest model call reported,
 * its tool calls' failures and results, whether llmobs stopped or held back its tool
 * loop, whether a guardrail of the application blocked it, and of a stream the time of
 * its first token and the provider's latest usage.
 */
final class ChatCall {

	// Counters and the stream's lock are fields of the call itself rather than objects
	// of their own: one call is made per ChatClient call, on the request path.
	private static final AtomicIntegerFieldUpdater<ChatCall> MODEL_CALLS = AtomicIntegerFieldUpdater
		.newUpdater(ChatCall.class, "modelCalls");

	private static final AtomicIntegerFieldUpdater<ChatCall> TOOL_FAILURES = AtomicIntegerFieldUpdater
		.newUpdater(ChatCall.class, "toolFailures");

	private final CallAttribution attribution;

	private final @Nullable LlmTaskContext task;

	private final long startNanos;

	private volatile @Nullable String provider;

	private volatile @Nullable String requestModel;

	private volatile int modelCalls;

	private volatile int toolFailures;

	private @Nullable List<String> toolResults;

	private volatile boolean loopStopped;

	private volatile boolean guardrailBlocked;

	private volatile Observation.@Nullable Context modelCall;

	private boolean streamAdvised;

	private boolean streamEnded;

	private @Nullable List<Runnable> atStreamEnd;

	private volatile boolean firstTokenSeen;

	private volatile long firstTokenNanos;

	ChatCall(CallAttribution attribution, @Nullable LlmTaskContext task, long startNanos) {
		this.attribution = attribution;
		this.task = task;
		this.startNanos = startNanos;
	}

	CallAttribution attribution() {
		return this.attribution;
	}

	@Nullable LlmTaskContext task() {
		return this.task;
	}

	long startNanos() {
		return this.startNanos;
	}

	/**
	 * Notes the start of a model call of this {@code ChatClient} call.
	 * @return its iteration: 1 for the first model call, one more for each round trip of
	 * the tool loop
	 */
	int modelCallStarted(String provider, @Nullable String requestModel, Observation.Context context) {
		this.provider = provider;
		this.requestModel = requestModel;
		this.modelCall = context;
		return MODEL_CALLS.incrementAndGet(this);
	}

	int modelCalls() {
		return this.modelCalls;
	}

	void toolFailed() {
		TOOL_FAILURES.incrementAndGet(this);
	}

	int toolFailures() {
		return this.toolFailures;
	}

	void loopStopped() {
		this.loopStopped = true;
	}

	boolean isLoopStopped() {
		return this.loopStopped;
	}

	void guardrailBlocked() {
		this.guardrailBlocked = true;
	}

	boolean isGuardrailBlocked() {
		return this.guardrailBlocked;
	}

	/**
	 * Keeps the usage that a chunk of the stream reported on the model call under way:
	 * Spring AI's stream aggregation keeps only its input and output tokens.
	 */
	void streamedUsage(Usage usage) {
		Observation.Context context = this.modelCall;
		if (context != null) {
			context.put(StreamedUsage.class, new StreamedUsage(usage));
		}
	}

	/**
	 * The latest usage that the chunks of a model call reported, once the stream ended:
	 * until then a later chunk may still carry more.
	 * @param context the model call's observation context
	 * @return the usage, or {@code null}
	 */
	@Nullable Usage streamedUsage(Observation.Context context) {
		StreamedUsage usage = context.get(StreamedUsage.class);
		synchronized (this) {
			return (usage != null && this.streamEnded) ? usage.usage() : null;
		}
	}

	/** Notes that llmobs' stream advisor follows this call's stream to its end. */
	void streamAdvised() {
		synchronized (this) {
			this.streamAdvised = true;
		}
	}

	/**
	 * Whether llmobs' advisor follows this call's stream and has not seen its end yet.
	 * @return {@code true} while a model call that stops is to be held back
	 */
	boolean streamOpen() {
		synchronized (this) {
			return this.streamAdvised && !this.streamEnded;
		}
	}

	/**
	 * Keeps what is to be done of a streamed model call that stopped before the stream
	 * reached llmobs' advisor to its end (Spring AI hands the chunks on from another
	 * thread), so that it is done with the usage of its last chunks.
	 * @param action what to do once the stream ended
	 * @return {@code false} when the stream ended already or is not followed: the action
	 * is not kept, and is to be done now
	 */
	boolean atStreamEnd(Runnable action) {
		synchronized (this) {
			if (!this.streamAdvised || this.streamEnded) {
				return false;
			}
			if (this.atStreamEnd == null) {
				this.atStreamEnd = new ArrayList<>(2);
			}
			this.atStreamEnd.add(action);
			return true;
		}
	}

	/**
	 * Notes that the stream ended at llmobs' advisor.
	 * @return what was kept to be done then
	 */
	List<Runnable> streamEnded() {
		synchronized (this) {
			this.streamEnded = true;
			List<Runnable> actions = this.atStreamEnd;
			this.atStreamEnd = null;
			return (actions != null) ? actions : List.of();
		}
	}

	/** Notes when the first non-empty chunk of a stream arrived. */
	void firstToken(long nanos) {
		this.firstTokenNanos = nanos;
		this.firstTokenSeen = true;
	}

	boolean hasFirstToken() {
		return this.firstTokenSeen;
	}

	long firstTokenNanos() {
		return this.firstTokenNanos;
	}

	/**
	 * Keeps a reference to a tool's result, for the parts of llmobs that read the call
	 * once it ended.
	 */
	synchronized void toolResult(String result) {
		if (this.toolResults == null) {
			this.toolResults = new ArrayList<>(2);
		}
		this.toolResults.add(result);
	}

	synchronized List<String> toolResults() {
		return (this.toolResults != null) ? List.copyOf(this.toolResults) : List.of();
	}

	String provider() {
		String provider = this.provider;
		return (provider != null) ? provider : ProviderNames.UNKNOWN;
	}

	/**
	 * The response's model, else the model the last model call asked for, else the
	 * client's option; bounded.
	 */
	String model(BoundedTagValues models, ChatClientRequest request, @Nullable ChatResponse response) {
		String model = (response != null) ? response.getMetadata().getModel() : null;
		if (model == null || model.isBlank()) {
			model = this.requestModel;
		}
		if (model == null) {
			ChatOptions options = request.prompt().getOptions();
			model = (options != null) ? options.getModel() : null;
		}
		return models.bound(model);
	}

	private record StreamedUsage(Usage usage) {
	}

}
