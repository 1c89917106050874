package io.llmobs.mcp;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/**
 * The OpenTelemetry MCP server conventions: observation {@code mcp.server.operation} (the
 * timer of the same name), span {@code tools/call <tool>}.
 */
public class DefaultMcpToolCallObservationConvention implements McpToolCallObservationConvention {

	/** The observation's name, and so the timer's. */
	public static final String NAME = "mcp.server.operation";

	/** The MCP method of a tool call. */
	public static final String TOOLS_CALL = "tools/call";

	/** {@code error.type} of a tool that answered with an error result. */
	public static final String TOOL_ERROR = "tool_error";

	private static final KeyValue METHOD_NAME = KeyValue
		.of(McpToolCallObservationDocumentation.LowCardinalityKeyNames.METHOD_NAME, TOOLS_CALL);

	private static final KeyValue OPERATION_NAME = KeyValue
		.of(McpToolCallObservationDocumentation.LowCardinalityKeyNames.OPERATION_NAME, "execute_tool");

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(McpToolCallObservationContext context) {
		return TOOLS_CALL + " " + context.getToolName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(McpToolCallObservationContext context) {
		return KeyValues.of(METHOD_NAME, OPERATION_NAME,
				KeyValue.of(McpToolCallObservationDocumentation.LowCardinalityKeyNames.TOOL_NAME,
						context.getToolName()),
				KeyValue.of(McpToolCallObservationDocumentation.LowCardinalityKeyNames.ERROR_TYPE, errorType(context)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(McpToolCallObservationContext context) {
		String sessionId = context.getSessionId();
		return (sessionId != null)
				? KeyValues
					.of(KeyValue.of(McpToolCallObservationDocumentation.HighCardinalityKeyNames.SESSION_ID, sessionId))
				: KeyValues.empty();
	}

	private static String errorType(McpToolCallObservationContext context) {
		Throwable error = context.getError();
		if (error != null) {
			return error.getClass().getName();
		}
		CallToolResult result = context.getResult();
		return (result != null && Boolean.TRUE.equals(result.isError())) ? TOOL_ERROR : KeyValue.NONE_VALUE;
	}

}
