package io.llmobs.autoconfigure.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of trace propagation over the Model Context Protocol, under
 * {@code llmobs.mcp}.
 */
@ConfigurationProperties("llmobs.mcp")
@Validated
public class LlmObsMcpProperties {

	/**
	 * Whether MCP tool calls carry the caller's trace context and baggage in
	 * 'params._meta' and an MCP server's tool calls continue it in a span of their own.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
