/**
 * The kernel every llmobs feature stands on: the report of llmobs's own failures, bounded
 * tag values, the stage and tenant a call is accounted to, the per-call parameters, and
 * the walk up an observation's parents.
 */
@NullMarked
package io.llmobs.core;

import org.jspecify.annotations.NullMarked;
