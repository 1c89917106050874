package io.llmobs.prompt;

import org.jspecify.annotations.Nullable;

/**
 * The template that a rendered text came from.
 *
 * @param templateHash the version of the template
 * @param prompt the registry prompt of the template, or {@code null} when it is not
 * managed
 */
record RenderedTemplate(String templateHash, @Nullable RegisteredPrompt prompt) {

}
