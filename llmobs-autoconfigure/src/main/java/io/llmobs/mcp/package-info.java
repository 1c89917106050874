/**
 * Traces across the Model Context Protocol: an MCP client's tool calls carry the caller's
 * W3C trace context and baggage in {@code params._meta}, and an MCP server's tool calls
 * continue that trace in a span of their own.
 */
@NullMarked
package io.llmobs.mcp;

import org.jspecify.annotations.NullMarked;
