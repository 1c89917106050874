/**
 * The llmobs sample application: a two-stage question pipeline ({@code classify}, then
 * {@code answer}) grouped in one llmobs task, its REST API and a traffic generator.
 */
@NullMarked
package io.llmobs.sample;

import org.jspecify.annotations.NullMarked;
