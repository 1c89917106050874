/**
 * Auto-configuration of the chat-call instrumentation.
 */
@NullMarked
package io.llmobs.autoconfigure.chat;

import org.jspecify.annotations.NullMarked;
