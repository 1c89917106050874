package io.llmobs.conversation;

/**
 * Span attributes of conversations, on {@code ChatClient} calls and their model calls.
 */
public final class ConversationSpanAttributes {

	/**
	 * The conversation id: Spring AI's chat-memory conversation id, else the
	 * {@code llmobs.conversation.id} advisor parameter.
	 */
	public static final String CONVERSATION_ID = "gen_ai.conversation.id";

	/**
	 * The call's turn in its conversation, from 1, as this instance counted them since
	 * the conversation was last idle past the expiry.
	 */
	public static final String TURN = "llmobs.conversation.turn";

	/**
	 * The history section's share of the model's context window on a model call of a
	 * conversation, 0..1.
	 */
	public static final String HISTORY_RATIO = "llmobs.conversation.history.ratio";

	private ConversationSpanAttributes() {
	}

}
