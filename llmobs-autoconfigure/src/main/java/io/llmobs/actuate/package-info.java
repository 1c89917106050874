/**
 * The {@code llmobs} Actuator endpoint.
 */
@NullMarked
package io.llmobs.actuate;

import org.jspecify.annotations.NullMarked;
