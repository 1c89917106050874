package io.llmobs.tool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records {@code llmobs.tool}, {@code gen_ai.execute_tool.duration} and
 * {@code llmobs.agent.loop.stopped}; meters are registered once per tag combination, all
 * bounded tag values.
 */
final class ToolMeters {

	private static final String TOOL_TYPE = "gen_ai.tool.type";

	/** The registry's type of a tool that runs in the application. */
	private static final String FUNCTION = "function";

	/**
	 * The {@code error.type} of a success: Prometheus needs the same tag keys on every
	 * series of a meter.
	 */
	private static final String NO_ERROR = "none";

	private final MeterRegistry registry;

	private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

	private final Map<ExecuteToolSeries, Timer> executeToolTimers = new ConcurrentHashMap<>();

	private final Map<StopSeries, Counter> stops = new ConcurrentHashMap<>();

	/**
	 * Creates the meters.
	 * @param registry where the meters are registered
	 */
	ToolMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	void record(String tool, String stage, ToolOutcome outcome, long nanos) {
		this.timers.computeIfAbsent(new Series(tool, stage, outcome), this::timer).record(nanos, TimeUnit.NANOSECONDS);
		this.executeToolTimers.computeIfAbsent(new ExecuteToolSeries(tool, outcome), this::executeToolTimer)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	void recordLoopStopped(String stage, LoopStopReason reason) {
		this.stops.computeIfAbsent(new StopSeries(stage, reason), this::counter).increment();
	}

	private Counter counter(StopSeries key) {
		return Counter.builder(ToolNames.AGENT_LOOP_STOPPED)
			.description("Agent loops that llmobs stopped (max_iterations) or held back (identical_calls)")
			.tags("stage", key.stage(), "reason", key.reason().tagValue())
			.register(this.registry);
	}

	private Timer timer(Series key) {
		return Timer.builder(ToolNames.TOOL_METER)
			.description(
					"Tool calls made for the model, by outcome; rejected ones were refused by their circuit breaker")
			.tags("tool", key.tool(), "stage", key.stage(), "outcome", key.outcome().tagValue())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(this.registry);
	}

	private Timer executeToolTimer(ExecuteToolSeries key) {
		return Timer.builder(ToolNames.EXECUTE_TOOL_DURATION)
			.description("Tool calls made for the model, as the GenAI semantic conventions name them")
			.tags(ToolNames.TOOL_NAME, key.tool(), TOOL_TYPE, FUNCTION, ToolNames.ERROR_TYPE,
					(key.outcome() == ToolOutcome.SUCCESS) ? NO_ERROR : key.outcome().tagValue())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(this.registry);
	}

	private record ExecuteToolSeries(String tool, ToolOutcome outcome) {
	}

	private record Series(String tool, String stage, ToolOutcome outcome) {
	}

	private record StopSeries(String stage, LoopStopReason reason) {
	}

}
