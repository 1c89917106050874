/**
 * Auto-configuration of the tool guard.
 */
@NullMarked
package io.llmobs.autoconfigure.tool;

import org.jspecify.annotations.NullMarked;
