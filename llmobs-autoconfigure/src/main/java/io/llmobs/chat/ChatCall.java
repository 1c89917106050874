package io.llmobs.chat;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttribution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * State of one {@code ChatClient} call that its model calls share: the attribution
 * resolved once when the call starts, the enclosing task, when it started, how many model
 * calls it made, the provider and requested model that the latest model call reported,
 * its tool calls' failures and results, whether llmobs stopped or held back its tool loop
 * and whether a guardrail of the application blocked it.
 */
final class ChatCall {

	private final CallAttribution attribution;

	private final @Nullable LlmTaskContext task;

	private final long startNanos;

	private volatile @Nullable String provider;

	private volatile @Nullable String requestModel;

	private final AtomicInteger modelCalls = new AtomicInteger();

	private final AtomicInteger toolFailures = new AtomicInteger();

	private @Nullable List<String> toolResults;

	private volatile boolean loopStopped;

	private volatile boolean guardrailBlocked;

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
	int modelCallStarted(String provider, @Nullable String requestModel) {
		this.provider = provider;
		this.requestModel = requestModel;
		return this.modelCalls.incrementAndGet();
	}

	int modelCalls() {
		return this.modelCalls.get();
	}

	void toolFailed() {
		this.toolFailures.incrementAndGet();
	}

	int toolFailures() {
		return this.toolFailures.get();
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

}
