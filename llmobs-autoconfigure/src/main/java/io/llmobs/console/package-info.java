/**
 * The llmobs console: the recent model calls kept in a bounded ring, the per-minute
 * history of the meters, and the JSON model of the page that shows them.
 */
@NullMarked
package io.llmobs.console;

import org.jspecify.annotations.NullMarked;
