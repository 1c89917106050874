package io.llmobs.core;

/**
 * Who a chat call is accounted to: its pipeline stage and tenant, both already bounded
 * tag values.
 *
 * @param stage the stage tag value
 * @param tenant the tenant tag value
 */
public record CallAttribution(String stage, String tenant) {
}
