/**
 * Auto-configuration of the llmobs console: its model and the page, served by the
 * application's Spring MVC.
 */
@NullMarked
package io.llmobs.autoconfigure.console;

import org.jspecify.annotations.NullMarked;
