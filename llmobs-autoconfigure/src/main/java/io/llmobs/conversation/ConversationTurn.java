package io.llmobs.conversation;

/**
 * A {@code ChatClient} call that belongs to a conversation, left in the call's
 * observation context for its model calls.
 *
 * @param conversationId the conversation id
 * @param number the turn's number in the conversation, from 1
 * @param totals where the turn's model calls are added up
 */
record ConversationTurn(String conversationId, int number, ConversationTotals totals) {
}
