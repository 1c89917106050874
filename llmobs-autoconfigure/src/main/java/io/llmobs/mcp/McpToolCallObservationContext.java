package io.llmobs.mcp;

import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.jspecify.annotations.Nullable;

/**
 * An MCP tool call received by this application's server: its {@code _meta} is the
 * carrier the tracing handler extracts the caller's trace context and baggage from.
 */
public final class McpToolCallObservationContext extends ReceiverContext<Map<String, Object>> {

	private final CallToolRequest request;

	private final @Nullable String sessionId;

	private @Nullable CallToolResult result;

	/**
	 * Creates the context of one call.
	 * @param request the call as received
	 * @param sessionId its MCP session, if the transport has sessions
	 */
	public McpToolCallObservationContext(CallToolRequest request, @Nullable String sessionId) {
		super((carrier, key) -> (carrier.get(key) instanceof String value) ? value : null, Kind.SERVER);
		this.request = request;
		this.sessionId = sessionId;
		Map<String, Object> meta = request.meta();
		setCarrier((meta != null) ? meta : Map.of());
	}

	/**
	 * The call as received.
	 * @return the request
	 */
	public CallToolRequest getRequest() {
		return this.request;
	}

	/**
	 * The tool called.
	 * @return the tool's name
	 */
	public String getToolName() {
		return this.request.name();
	}

	/**
	 * The MCP session of the call.
	 * @return the session id, or {@code null} without sessions
	 */
	public @Nullable String getSessionId() {
		return this.sessionId;
	}

	/**
	 * The tool's answer, once there is one.
	 * @return the result, or {@code null} before it or when the handler failed
	 */
	public @Nullable CallToolResult getResult() {
		return this.result;
	}

	/**
	 * Records the tool's answer.
	 * @param result the result
	 */
	public void setResult(@Nullable CallToolResult result) {
		this.result = result;
	}

}
