/**
 * Auto-configuration of the context-window accounting.
 */
@NullMarked
package io.llmobs.autoconfigure.context;

import org.jspecify.annotations.NullMarked;
