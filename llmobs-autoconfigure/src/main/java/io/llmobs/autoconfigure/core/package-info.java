/**
 * Auto-configuration of the kernel every llmobs feature stands on: the base properties,
 * bounded tag values, the report of llmobs's own failures and the attribution of calls.
 */
@NullMarked
package io.llmobs.autoconfigure.core;

import org.jspecify.annotations.NullMarked;
