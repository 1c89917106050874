package io.llmobs.tool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.model.tool.ToolCallingManager;

/**
 * The tool instrumentation, built once from its settings and collaborators: the
 * {@link ToolGuard}, the wrapper that puts the application's {@link ToolCallingManager}
 * behind the guard, and the filter that adds the guard's outcome to Spring AI's tool
 * spans. It owns the workers of the tools' time limits and stops them on
 * {@link #close()}.
 */
public final class ToolInstrumentation implements AutoCloseable {

	private final ToolTimeouts timeouts;

	private final ToolGuard guard;

	/**
	 * Creates the instrumentation.
	 * @param settings what the guard allows and what it tells the model instead
	 * @param breakers the circuit breakers by tool, or {@code null} for none
	 * @param defaultTimeout the time limit of tools without one of their own, or
	 * {@code null} for none
	 * @param timeouts time limits by tool name
	 * @param timeoutWorkers where tools with a time limit run: a bounded executor that
	 * rejects when full, owned from now on and shut down on {@link #close()}
	 * @param tools bounded tool tag values
	 * @param stages bounded stage tag values
	 * @param meterRegistry where {@code llmobs.tool} and
	 * {@code llmobs.agent.loop.stopped} are registered
	 * @param observationRegistry where the tool observation around each call is found
	 * @param errors where failures inside llmobs are reported
	 */
	public ToolInstrumentation(ToolGuard.Settings settings, @Nullable ToolCircuitBreakers breakers,
			@Nullable Duration defaultTimeout, Map<String, Duration> timeouts, ExecutorService timeoutWorkers,
			BoundedTagValues tools, BoundedTagValues stages, MeterRegistry meterRegistry,
			ObservationRegistry observationRegistry, InstrumentationErrors errors) {
		this.timeouts = new ToolTimeouts(defaultTimeout, timeouts, timeoutWorkers);
		this.guard = new ToolGuard(settings, breakers, this.timeouts, new ToolMeters(meterRegistry), tools, stages,
				observationRegistry, meterRegistry.config().clock(), errors);
	}

	/**
	 * The guard every tool call goes through.
	 * @return the guard
	 */
	public ToolGuard guard() {
		return this.guard;
	}

	/**
	 * The filter that adds the semantic-convention tool attributes and the guard's
	 * outcome to Spring AI's tool spans; apart from the instrumentation, which needs the
	 * observation registry that the filter is registered with.
	 * @param errors where failures inside llmobs are reported
	 * @return the filter
	 */
	public static ObservationFilter spanEnricher(InstrumentationErrors errors) {
		return new ToolSpanEnricher(errors);
	}

	/**
	 * A manager that runs every tool of the given one behind the guard and bounds its
	 * loop.
	 * @param manager the application's manager
	 * @return the guarding manager; a manager that already guards is returned as it is
	 */
	public ToolCallingManager guarding(ToolCallingManager manager) {
		return (manager instanceof GuardingToolCallingManager) ? manager
				: new GuardingToolCallingManager(manager, this.guard);
	}

	/** Stops the workers of the time limits, interrupting tools still running. */
	@Override
	public void close() {
		this.timeouts.close();
	}

}
