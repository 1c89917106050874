package io.llmobs.conversation;

/**
 * Names of the conversation meters.
 */
public final class ConversationMetricNames {

	/**
	 * Distribution summary of the history section's share of the context window, per
	 * model call of a conversation; tagged by model and stage, never by conversation.
	 */
	public static final String HISTORY_RATIO = "llmobs.conversation.history.ratio";

	private ConversationMetricNames() {
	}

}
