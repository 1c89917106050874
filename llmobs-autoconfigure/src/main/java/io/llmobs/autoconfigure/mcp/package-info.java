/**
 * Auto-configuration of trace propagation over MCP.
 */
@NullMarked
package io.llmobs.autoconfigure.mcp;

import org.jspecify.annotations.NullMarked;
