/**
 * Auto-configuration of the {@code llmobs} Actuator endpoint.
 */
@NullMarked
package io.llmobs.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
