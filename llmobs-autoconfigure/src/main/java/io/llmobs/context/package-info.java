/**
 * Context-window accounting: tokens per prompt section before each model call, the fill
 * ratio against the model's window, self-calibration against the provider's reported
 * usage, and the opt-in block guard.
 */
@NullMarked
package io.llmobs.context;

import org.jspecify.annotations.NullMarked;
