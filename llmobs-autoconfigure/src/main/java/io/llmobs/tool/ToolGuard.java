package io.llmobs.tool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttribution;
import io.llmobs.chat.ChatCalls;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Puts tools behind their circuit breakers, times them and holds back identical calls:
 * {@link #decorate} returns a tool whose every call goes through the guard, the way
 * Resilience4j's {@code CircuitBreaker.decorateCallable} does. A call identical to too
 * many before in the same turn, or made while the breaker is open, is not run, and one
 * that exceeds its time limit is interrupted; the model receives a short message as its
 * result instead. Every call is recorded in {@code llmobs.tool} with its outcome, and
 * every call that did not succeed ends Spring AI's tool observation with an error, so its
 * span says so. A failure is counted and rethrown unchanged, so Spring AI handles it as
 * it would have (by default the model gets the error message). Without circuit breakers
 * (Resilience4j is not on the class path) tools are still timed and loops still bounded.
 */
public final class ToolGuard {

	/**
	 * Where the tool guard: circuit breakers, tool timings and span attributes report
	 * failures in {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("tools");

	/**
	 * What the model gets for one identical call too many; the tool's name and the limit.
	 */
	static final String IDENTICAL_CALL_MESSAGE = "You already called the tool '%s' with these same arguments %d times "
			+ "in this request; the result will not change. Use the results you have, or answer without them.";

	/**
	 * What the model gets when the tool did not answer in time; the tool's name and its
	 * limit.
	 */
	static final String TIMEOUT_MESSAGE = "The tool '%s' did not answer within %s. Answer without it, or tell the "
			+ "user that this information cannot be retrieved at the moment.";

	private final Settings settings;

	private final @Nullable ToolCircuitBreakers breakers;

	private final ToolTimeouts timeouts;

	private final ToolMeters meters;

	private final BoundedTagValues tools;

	private final BoundedTagValues stages;

	private final ObservationRegistry observations;

	private final Clock clock;

	private final InstrumentationErrors errors;

	/**
	 * Creates the guard.
	 * @param settings what the guard allows and what it tells the model instead
	 * @param breakers the circuit breakers by tool, or {@code null} for none
	 * @param timeouts the tools' time limits
	 * @param meters the tool meters
	 * @param tools bounded tool tag values
	 * @param stages bounded stage tag values
	 * @param observations where the tool observation around each call is found
	 * @param clock the clock of the timings
	 * @param errors where failures inside llmobs are reported
	 */
	ToolGuard(Settings settings, @Nullable ToolCircuitBreakers breakers, ToolTimeouts timeouts, ToolMeters meters,
			BoundedTagValues tools, BoundedTagValues stages, ObservationRegistry observations, Clock clock,
			InstrumentationErrors errors) {
		this.settings = settings;
		this.breakers = breakers;
		this.timeouts = timeouts;
		this.meters = meters;
		this.tools = tools;
		this.stages = stages;
		this.observations = observations;
		this.clock = clock;
		this.errors = errors.register(COMPONENT);
	}

	/**
	 * The tool behind its breaker, timed, outside any loop control: for a tool that
	 * Spring AI does not run through the application's {@code ToolCallingManager}.
	 * @param tool the tool
	 * @return the guarded tool; a guarded tool is guarded once
	 */
	public ToolCallback decorate(ToolCallback tool) {
		return decorate(tool, null);
	}

	/**
	 * The tool behind its breaker, timed, and counted in the given turn; a guarded tool
	 * is unwrapped first.
	 */
	ToolCallback decorate(ToolCallback tool, @Nullable ToolLoop loop) {
		ToolCallback delegate = (tool instanceof GuardedToolCallback guarded) ? guarded.delegate() : tool;
		return new GuardedToolCallback(delegate, this, loop);
	}

	/**
	 * The tool calls of the current turn of a conversation, counted against this guard's
	 * limit of identical calls.
	 * @param history the conversation as Spring AI hands it to the tool-calling manager
	 * @return the turn's tool calls so far
	 */
	ToolLoop loop(List<Message> history) {
		return ToolLoop.of(history, this.settings.maxIdenticalCalls());
	}

	/**
	 * Whether a {@code ChatClient} call may not run tools in this round trip any more.
	 * @param roundTrips the round trip the model now asks for tools in, the first being 1
	 */
	boolean isLastRoundTrip(int roundTrips) {
		return roundTrips >= this.settings.maxIterations();
	}

	/**
	 * Counts a loop that llmobs stopped in {@code llmobs.agent.loop.stopped} and notes it
	 * on the {@code ChatClient} call around the current observation.
	 */
	void loopStopped(LoopStopReason reason) {
		Observation current = this.observations.getCurrentObservation();
		loopStopped((current != null) ? current.getContext() : null, reason);
	}

	/** Runs one call of a decorated tool: everything the class comment says. */
	String call(ToolCallback tool, @Nullable ToolLoop loop, String toolInput, @Nullable ToolContext toolContext) {
		ToolDefinition definition = tool.getToolDefinition();
		Observation observation = this.observations.getCurrentObservation();
		ToolBreaker breaker = breaker(definition.name());
		long start = this.clock.monotonicTime();
		if (loop != null && loop.tooManyIdentical(definition.name(), toolInput)) {
			throw refuse(observation, definition, breaker, ToolOutcome.LOOP_BLOCKED, start,
					IDENTICAL_CALL_MESSAGE.formatted(definition.name(), this.settings.maxIdenticalCalls()));
		}
		if (!breaker.tryAcquirePermission()) {
			throw refuse(observation, definition, breaker, ToolOutcome.REJECTED, start,
					this.settings.degradedMessage().formatted(definition.name()));
		}
		Duration timeout = this.timeouts.of(definition.name());
		try {
			String result = (timeout != null)
					? this.timeouts.call(() -> tool.call(toolInput, toolContext), timeout, observation)
					: tool.call(toolInput, toolContext);
			breaker.onSuccess(this.clock.monotonicTime() - start);
			finish(observation, definition, breaker, ToolOutcome.SUCCESS, start, null, null);
			if (result != null) {
				ChatCalls.toolResult(context(observation), result);
			}
			return result;
		}
		catch (TimeoutException ex) {
			breaker.onError(this.clock.monotonicTime() - start, ex);
			throw refuse(observation, definition, breaker, ToolOutcome.TIMEOUT, start,
					TIMEOUT_MESSAGE.formatted(definition.name(), readable(timeout)));
		}
		catch (RuntimeException | Error ex) {
			breaker.onError(this.clock.monotonicTime() - start, ex);
			// Spring AI turns a ToolExecutionException into the model's result inside its
			// tool observation, which so ends as a success unless told; any other
			// exception leaves that observation, which records it.
			Throwable failure = (ex instanceof ToolExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			finish(observation, definition, breaker, ToolOutcome.ERROR, start, failure.getClass().getName(),
					(ex instanceof ToolExecutionException) ? new ToolCallFailedException(definition.name(), failure)
							: null);
			throw ex;
		}
	}

	/** The breaker of a tool; {@link ToolBreaker#NONE} without circuit breakers. */
	private ToolBreaker breaker(String tool) {
		return (this.breakers != null) ? this.breakers.breaker(tool) : ToolBreaker.NONE;
	}

	private static String readable(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	/**
	 * Records a call that was not run, or not to its end, and what Spring AI should send
	 * the model instead.
	 */
	private ToolExecutionException refuse(@Nullable Observation observation, ToolDefinition definition,
			ToolBreaker breaker, ToolOutcome outcome, long start, String message) {
		ToolCallRefusedException refusal = new ToolCallRefusedException(message);
		finish(observation, definition, breaker, outcome, start, outcome.tagValue(), refusal);
		return new ToolExecutionException(definition, refusal);
	}

	private static Observation.@Nullable Context context(@Nullable Observation observation) {
		return (observation != null) ? observation.getContext() : null;
	}

	/**
	 * Records the call's outcome in the meters and, on Spring AI's tool observation, for
	 * its span: a failed call ends it with an error, so that its span's status is ERROR.
	 * @param errorType the span's {@code error.type}, {@code null} for a success
	 * @param failure the error to end the observation with, {@code null} when there is
	 * none or when it leaves the observation by itself
	 */
	private void finish(@Nullable Observation observation, ToolDefinition definition, ToolBreaker breaker,
			ToolOutcome outcome, long start, @Nullable String errorType, @Nullable Throwable failure) {
		// Spelled out: a lambda over the call's seven values would allocate on every tool
		// call.
		try {
			Observation.@Nullable Context context = context(observation);
			this.meters.record(this.tools.bound(definition.name()), stage(context), outcome,
					this.clock.monotonicTime() - start);
			if (outcome == ToolOutcome.LOOP_BLOCKED) {
				loopStopped(context, LoopStopReason.IDENTICAL_CALLS);
			}
			else if (outcome != ToolOutcome.SUCCESS) {
				ChatCalls.toolFailed(context);
			}
			if (observation != null && context instanceof ToolCallingObservationContext) {
				context.put(ToolCallRecord.class, new ToolCallRecord(outcome, breaker.state(), errorType));
				if (failure != null) {
					observation.error(failure);
				}
			}
		}
		catch (RuntimeException ex) {
			this.errors.record(COMPONENT, ex);
		}
	}

	/**
	 * Counts a loop that llmobs stopped, or a call it held back, in
	 * {@code llmobs.agent.loop.stopped} and notes it on the enclosing {@code ChatClient}
	 * call.
	 */
	private void loopStopped(Observation.@Nullable Context context, LoopStopReason reason) {
		this.meters.recordLoopStopped(stage(context), reason);
		ChatCalls.loopStopped(context);
	}

	/**
	 * The stage of the {@code ChatClient} call around an observation, else the default
	 * stage.
	 */
	private String stage(Observation.@Nullable Context context) {
		CallAttribution attribution = ChatCalls.attribution(context);
		return (attribution != null) ? attribution.stage() : this.stages.bound(this.settings.defaultStage());
	}

	/**
	 * What a tool guard allows and what it tells the model instead, set once for all
	 * tools; the breakers and time limits of each tool are the guard's
	 * {@link ToolCircuitBreakers} and time limits.
	 *
	 * @param degradedMessage what the model gets instead of a result while a breaker is
	 * open; {@code %s} is the tool's name
	 * @param maxIdenticalCalls identical calls (same tool, same arguments) allowed per
	 * turn
	 * @param maxIterations model round trips allowed per {@code ChatClient} call
	 * @param defaultStage the stage of tool calls outside a {@code ChatClient} call
	 */
	public record Settings(String degradedMessage, int maxIdenticalCalls, int maxIterations, String defaultStage) {

	}

}
