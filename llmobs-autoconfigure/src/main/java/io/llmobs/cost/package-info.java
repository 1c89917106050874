/**
 * Model catalog, token prices and USD cost accounting; free of Spring Boot.
 * {@link io.llmobs.cost.ModelCatalog} is the entry
 * ({@link io.llmobs.cost.ModelCatalog#bundled()}); the rest is public because the chat,
 * context and judge features and the endpoint use it.
 */
@NullMarked
package io.llmobs.cost;

import org.jspecify.annotations.NullMarked;
