/**
 * Auto-configuration of the model catalog and cost accounting.
 */
@NullMarked
package io.llmobs.autoconfigure.cost;

import org.jspecify.annotations.NullMarked;
