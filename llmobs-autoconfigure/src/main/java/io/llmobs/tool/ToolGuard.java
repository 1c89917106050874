package io.llmobs.tool;

import io.llmobs.chat.BoundedTagValues;
import io.llmobs.chat.CallAttribution;
import io.llmobs.chat.ChatCalls;
import io.llmobs.chat.InstrumentationErrors;
import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.ToolCallback;

/**
 * Puts tools behind their circuit breakers, times them and holds back identical calls ({@link #guard}); what every
 * guarded tool shares. Without circuit breakers (Resilience4j is not on the class path) tools are still timed and
 * loops still bounded.
 */
public final class ToolGuard {

	/** The degraded-mode message by default; {@code %s} is the tool's name. */
	public static final String DEFAULT_DEGRADED_MESSAGE = "The tool '%s' is unavailable right now. Answer without it, "
			+ "or tell the user that this information cannot be retrieved at the moment.";

	private final @Nullable ToolCircuitBreakers breakers;

	private final String degradedMessage;

	private final ToolMeters meters;

	private final BoundedTagValues tools;

	private final BoundedTagValues stages;

	private final String defaultStage;

	private final ObservationRegistry observations;

	private final Clock clock;

	private final InstrumentationErrors errors;

	private final int maxIdenticalCalls;

	private final int maxIterations;

	private final ToolTimeouts timeouts;

	/**
	 * Creates the guard.
	 * @param breakers the circuit breakers by tool, or {@code null} for none
	 * @param degradedMessage what the model gets instead of a result while a breaker is open; {@code %s} is the
	 * tool's name
	 * @param meters the tool meters
	 * @param tools bounded tool tag values
	 * @param stages bounded stage tag values
	 * @param defaultStage the stage of tool calls outside a {@code ChatClient} call
	 * @param observations where the tool observation around each call is found
	 * @param clock the clock of the timings
	 * @param errors where failures inside llmobs are reported
	 * @param maxIdenticalCalls identical calls (same tool, same arguments) allowed per turn
	 * @param maxIterations model round trips allowed per {@code ChatClient} call
	 * @param timeouts the tools' time limits
	 */
	public ToolGuard(@Nullable ToolCircuitBreakers breakers, String degradedMessage, ToolMeters meters, BoundedTagValues tools,
			BoundedTagValues stages, String defaultStage, ObservationRegistry observations, Clock clock,
			InstrumentationErrors errors, int maxIdenticalCalls, int maxIterations, ToolTimeouts timeouts) {
		this.breakers = breakers;
		this.degradedMessage = degradedMessage;
		this.meters = meters;
		this.tools = tools;
		this.stages = stages;
		this.defaultStage = defaultStage;
		this.observations = observations;
		this.clock = clock;
		this.errors = errors;
		this.maxIdenticalCalls = maxIdenticalCalls;
		this.maxIterations = maxIterations;
		this.timeouts = timeouts;
	}

	/**
	 * The tool behind its breaker, timed, outside any loop control.
	 * @param tool the tool
	 * @return the guarded tool
	 */
	public ToolCallback guard(ToolCallback tool) {
		return guard(tool, null);
	}

	/** The tool behind its breaker, timed, and counted in the given turn; a guarded tool is unwrapped first. */
	ToolCallback guard(ToolCallback tool, @Nullable ToolLoop loop) {
		ToolCallback delegate = (tool instanceof GuardedToolCallback guarded) ? guarded.delegate() : tool;
		return new GuardedToolCallback(delegate, this, loop);
	}

	/** The breaker of a tool; {@link ToolBreaker#NONE} without circuit breakers. */
	ToolBreaker breaker(String tool) {
		return (this.breakers != null) ? this.breakers.breaker(tool) : ToolBreaker.NONE;
	}

	String degradedMessage() {
		return this.degradedMessage;
	}

	ToolMeters meters() {
		return this.meters;
	}

	BoundedTagValues tools() {
		return this.tools;
	}

	String defaultStage() {
		return this.stages.bound(this.defaultStage);
	}

	ObservationRegistry observations() {
		return this.observations;
	}

	Clock clock() {
		return this.clock;
	}

	InstrumentationErrors errors() {
		return this.errors;
	}

	int maxIdenticalCalls() {
		return this.maxIdenticalCalls;
	}

	int maxIterations() {
		return this.maxIterations;
	}

	ToolTimeouts timeouts() {
		return this.timeouts;
	}

	/**
	 * Counts a loop that llmobs stopped, or a call it held back, in {@code llmobs.agent.loop.stopped} and notes it
	 * on the enclosing {@code ChatClient} call.
	 */
	void loopStopped(Observation.@Nullable Context context, LoopStopReason reason) {
		this.meters.recordLoopStopped(stage(context), reason);
		ChatCalls.loopStopped(context);
	}

	/** The stage of the {@code ChatClient} call around an observation, else the default stage. */
	String stage(Observation.@Nullable Context context) {
		CallAttribution attribution = ChatCalls.attribution(context);
		return (attribution != null) ? attribution.stage() : defaultStage();
	}

}
