package io.llmobs.chat;

import io.llmobs.core.InstrumentationErrors.Component;

/**
 * The components under which the chat-call instrumentation, and the features that extend
 * it, report their own failures in {@code llmobs.instrumentation.errors}.
 */
public final class ChatComponents {

	/**
	 * The {@code ChatClient} instrumentation: its observation handler and stream
	 * advisors.
	 */
	public static final Component CHAT_CLIENT = new Component("chat_client");

	/** The model-call metrics handler. */
	public static final Component MODEL_METRICS = new Component("model_metrics");

	/** The span enrichment filters. */
	public static final Component SPANS = new Component("spans");

	/** Task scopes. */
	public static final Component TASK = new Component("task");

	private ChatComponents() {
	}

}
