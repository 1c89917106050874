package io.llmobs.mcp;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of an MCP tool call handled by this application's MCP server, named
 * after the OpenTelemetry MCP server conventions.
 */
public enum McpToolCallObservationDocumentation implements ObservationDocumentation {

	/** A {@code tools/call} request handled by the server. */
	TOOL_CALL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMcpToolCallObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/** Tags of the meter and attributes of the span. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The MCP method, {@code tools/call}. */
		METHOD_NAME {
			@Override
			public String asString() {
				return "mcp.method.name";
			}
		},

		/** The GenAI operation, {@code execute_tool}. */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}
		},

		/** The tool, one of those the server registered. */
		TOOL_NAME {
			@Override
			public String asString() {
				return "gen_ai.tool.name";
			}
		},

		/**
		 * {@code tool_error} when the tool answered with an error result, the exception's
		 * class when the handler threw, else {@code none}.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/** Attributes of the span only. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The MCP session of the call, when the transport has sessions. */
		SESSION_ID {
			@Override
			public String asString() {
				return "mcp.session.id";
			}
		}

	}

}
