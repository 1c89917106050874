/**
 * The exported spans as the OpenTelemetry GenAI semantic conventions say: Spring AI's
 * numbers and lists typed, and registry names and values instead of the deprecated or
 * unregistered ones. The wiring builds it through
 * {@link io.llmobs.semconv.SemanticConventionSpanExporter}.
 */
@NullMarked
package io.llmobs.semconv;

import org.jspecify.annotations.NullMarked;
