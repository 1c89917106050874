package io.llmobs.tool;

/**
 * The public names of the tool instrumentation: its meter and the attributes it adds to
 * Spring AI's tool spans.
 */
public final class ToolNames {

	/** Timer of tool calls, by tool, stage and outcome. */
	public static final String TOOL_METER = "llmobs.tool";

	/**
	 * Timer of tool calls under the OpenTelemetry GenAI semantic conventions, by
	 * {@code gen_ai.tool.name}, {@code gen_ai.tool.type} and {@code error.type} (the
	 * {@link ToolOutcome} of a call that did not succeed, else {@code none}).
	 */
	public static final String EXECUTE_TOOL_DURATION = "gen_ai.execute_tool.duration";

	/**
	 * Counter of agent loops that llmobs stopped or held back, by stage and
	 * {@link LoopStopReason}.
	 */
	public static final String AGENT_LOOP_STOPPED = "llmobs.agent.loop.stopped";

	/** The tool's name (OpenTelemetry GenAI semantic conventions). */
	public static final String TOOL_NAME = "gen_ai.tool.name";

	/** The id the model gave the tool call (OpenTelemetry GenAI semantic conventions). */
	public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";

	/**
	 * Why a call did not succeed (OpenTelemetry semantic conventions): the class of the
	 * tool's exception, or the {@link ToolOutcome} of a call that was not run or did not
	 * answer in time.
	 */
	public static final String ERROR_TYPE = "error.type";

	/** The {@link ToolOutcome} of the call. */
	public static final String OUTCOME = "llmobs.tool.outcome";

	/** The state of the tool's circuit breaker after the call. */
	public static final String CIRCUIT_BREAKER_STATE = "llmobs.circuit_breaker.state";

	private ToolNames() {
	}

}
