package io.llmobs.tool;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.llmobs.chat.ChatCalls;
import io.llmobs.chat.InstrumentationErrors;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;
import org.springframework.ai.tool.metadata.ToolMetadata;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A tool behind its circuit breaker (when there is one), timed: a call identical to too many before in the same
 * turn, or made while the breaker is open, is not run, and one that exceeds its time limit is interrupted; the model
 * receives a short message as its result instead. Every call is recorded in {@code llmobs.tool} with its outcome, and every call that
 * did not succeed ends Spring AI's tool observation with an error, so its span says so. A failure is counted and
 * rethrown unchanged, so Spring AI handles it as it would have (by default the model gets the error message).
 */
final class GuardedToolCallback implements ToolCallback {

	/** What the model gets for one identical call too many; the tool's name and the limit. */
	static final String IDENTICAL_CALL_MESSAGE = "You already called the tool '%s' with these same arguments %d times "
			+ "in this request; the result will not change. Use the results you have, or answer without them.";

	/** What the model gets when the tool did not answer in time; the tool's name and its limit. */
	static final String TIMEOUT_MESSAGE = "The tool '%s' did not answer within %s. Answer without it, or tell the "
			+ "user that this information cannot be retrieved at the moment.";

	private final ToolCallback delegate;

	private final ToolGuard guard;

	private final @Nullable ToolLoop loop;

	GuardedToolCallback(ToolCallback delegate, ToolGuard guard, @Nullable ToolLoop loop) {
		this.delegate = delegate;
		this.guard = guard;
		this.loop = loop;
	}

	ToolCallback delegate() {
		return this.delegate;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		ToolDefinition definition = this.delegate.getToolDefinition();
		Observation observation = this.guard.observations().getCurrentObservation();
		ToolBreaker breaker = this.guard.breaker(definition.name());
		long start = this.guard.clock().monotonicTime();
		if (this.loop != null && this.loop.tooManyIdentical(definition.name(), toolInput)) {
			throw refuse(observation, definition, breaker, ToolOutcome.LOOP_BLOCKED, start,
					IDENTICAL_CALL_MESSAGE.formatted(definition.name(), this.guard.maxIdenticalCalls()));
		}
		if (!breaker.tryAcquirePermission()) {
			throw refuse(observation, definition, breaker, ToolOutcome.REJECTED, start,
					this.guard.degradedMessage().formatted(definition.name()));
		}
		Duration timeout = this.guard.timeouts().of(definition.name());
		try {
			String result = (timeout != null)
					? this.guard.timeouts().call(() -> this.delegate.call(toolInput, toolContext), timeout, observation)
					: this.delegate.call(toolInput, toolContext);
			breaker.onSuccess(this.guard.clock().monotonicTime() - start);
			finish(observation, definition, breaker, ToolOutcome.SUCCESS, start, null, null);
			if (result != null) {
				ChatCalls.toolResult(context(observation), result);
			}
			return result;
		}
		catch (TimeoutException ex) {
			breaker.onError(this.guard.clock().monotonicTime() - start, ex);
			throw refuse(observation, definition, breaker, ToolOutcome.TIMEOUT, start,
					TIMEOUT_MESSAGE.formatted(definition.name(), readable(timeout)));
		}
		catch (RuntimeException | Error ex) {
			breaker.onError(this.guard.clock().monotonicTime() - start, ex);
			// Spring AI turns a ToolExecutionException into the model's result inside its tool observation, which
			// so ends as a success unless told; any other exception leaves that observation, which records it.
			Throwable failure = (ex instanceof ToolExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			finish(observation, definition, breaker, ToolOutcome.ERROR, start, failure.getClass().getName(),
					(ex instanceof ToolExecutionException) ? new ToolCallFailedException(definition.name(), failure)
							: null);
			throw ex;
		}
	}

	private static String readable(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	/** Records a call that was not run, or not to its end, and what Spring AI should send the model instead. */
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
	 * Records the call's outcome in the meters and, on Spring AI's tool observation, for its span: a failed call
	 * ends it with an error, so that its span's status is ERROR.
	 * @param errorType the span's {@code error.type}, {@code null} for a success
	 * @param failure the error to end the observation with, {@code null} when there is none or when it leaves the
	 * observation by itself
	 */
	private void finish(@Nullable Observation observation, ToolDefinition definition, ToolBreaker breaker,
			ToolOutcome outcome, long start, @Nullable String errorType, @Nullable Throwable failure) {
		try {
			Observation.@Nullable Context context = context(observation);
			String stage = this.guard.stage(context);
			this.guard.meters()
				.record(this.guard.tools().bound(definition.name()), stage, outcome,
						this.guard.clock().monotonicTime() - start);
			if (outcome == ToolOutcome.LOOP_BLOCKED) {
				this.guard.loopStopped(context, LoopStopReason.IDENTICAL_CALLS);
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
			this.guard.errors().record(InstrumentationErrors.Component.TOOLS, ex);
		}
	}

}
