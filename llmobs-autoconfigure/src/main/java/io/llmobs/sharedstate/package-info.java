/**
 * State that every replica of the application shares through Redis: daily spend (budgets,
 * the judge's daily budget), the judge's rate window and the ids feedback refers to, each
 * behind an interface of the core, with this instance's own state as the fallback while
 * Redis cannot answer.
 */
@NullMarked
package io.llmobs.sharedstate;

import org.jspecify.annotations.NullMarked;
