/**
 * Auto-configuration of the prompt registry and prompt identity on spans.
 */
@NullMarked
package io.llmobs.autoconfigure.prompt;

import org.jspecify.annotations.NullMarked;
