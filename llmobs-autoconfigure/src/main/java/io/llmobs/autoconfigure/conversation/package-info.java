/**
 * Auto-configuration of conversations.
 */
@NullMarked
package io.llmobs.autoconfigure.conversation;

import org.jspecify.annotations.NullMarked;
