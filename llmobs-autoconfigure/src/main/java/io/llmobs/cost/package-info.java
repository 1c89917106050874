/**
 * Model catalog, token prices and USD cost accounting; free of Spring Boot.
 */
@NullMarked
package io.llmobs.cost;

import org.jspecify.annotations.NullMarked;
