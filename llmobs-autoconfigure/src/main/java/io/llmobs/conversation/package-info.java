/**
 * Conversations: the conversation id of chat calls on their spans, the history's share of
 * the context window per turn, and the costliest recent conversations for the endpoint.
 */
@NullMarked
package io.llmobs.conversation;

import org.jspecify.annotations.NullMarked;
