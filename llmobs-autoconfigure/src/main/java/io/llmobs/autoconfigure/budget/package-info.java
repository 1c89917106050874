/**
 * Auto-configuration of the spend budgets.
 */
@NullMarked
package io.llmobs.autoconfigure.budget;

import org.jspecify.annotations.NullMarked;
