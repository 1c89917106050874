package io.llmobs.core;

/**
 * The bounded value sets of the tags that llmobs fills from application data or provider
 * responses.
 *
 * @param stages values of the {@code stage} tag
 * @param tenants values of the {@code tenant} tag
 * @param models values of the {@code model} tag
 * @param tasks values of the {@code task} tag
 */
public record BoundedTags(BoundedTagValues stages, BoundedTagValues tenants, BoundedTagValues models,
		BoundedTagValues tasks) {
}
