/**
 * Auto-configuration of the state shared by every replica.
 */
@NullMarked
package io.llmobs.autoconfigure.sharedstate;

import org.jspecify.annotations.NullMarked;
