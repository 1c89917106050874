package io.llmobs.tool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records {@code llmobs.tool} and {@code llmobs.agent.loop.stopped}; meters are
 * registered once per tag combination, all bounded tag values.
 */
final class ToolMeters {

	private final MeterRegistry registry;

	private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

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

	private record Series(String tool, String stage, ToolOutcome outcome) {
	}

	private record StopSeries(String stage, LoopStopReason reason) {
	}

}
