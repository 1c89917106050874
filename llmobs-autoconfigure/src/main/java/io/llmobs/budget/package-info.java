/**
 * Daily spend budgets per tenant and per stage: the spend recorded from the real cost of
 * every model call, a warning or a refusal before the model is called once a budget is
 * spent.
 */
@NullMarked
package io.llmobs.budget;

import org.jspecify.annotations.NullMarked;
