/**
 * Auto-configuration of the sampled judge and the failure taxonomy.
 */
@NullMarked
package io.llmobs.autoconfigure.judge;

import org.jspecify.annotations.NullMarked;
