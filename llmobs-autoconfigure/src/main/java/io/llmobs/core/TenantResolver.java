package io.llmobs.core;

import org.jspecify.annotations.Nullable;

/**
 * Resolves the tenant of a chat call from the application's own context (security
 * context, request attributes, ...) when the call does not carry the
 * {@link LlmObsParams#TENANT} parameter. Declare one as a bean.
 * <p>
 * It runs on the thread that calls the model, or subscribes to the stream, and must be
 * fast and must not block.
 */
@FunctionalInterface
public interface TenantResolver {

	/**
	 * The tenant of the current call.
	 * @return the tenant, or {@code null} when unknown
	 */
	@Nullable String resolveTenant();

}
