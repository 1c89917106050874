/**
 * Auto-configuration of llmobs and its {@code llmobs.*} configuration properties.
 */
@NullMarked
package io.llmobs.autoconfigure;

import org.jspecify.annotations.NullMarked;
