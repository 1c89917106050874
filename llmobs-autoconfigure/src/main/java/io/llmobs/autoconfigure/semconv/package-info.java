/**
 * Auto-configuration of the semantic-convention rewrite of exported spans.
 */
@NullMarked
package io.llmobs.autoconfigure.semconv;

import org.jspecify.annotations.NullMarked;
