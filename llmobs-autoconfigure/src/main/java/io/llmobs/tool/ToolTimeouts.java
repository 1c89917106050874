package io.llmobs.tool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Per-tool time limits. A tool with a limit runs on a worker thread while the caller
 * waits at most that long; the worker continues the caller's observation, so the tool's
 * own spans keep their parent; other thread-bound state (a security context, for example)
 * follows it only through the workers' task decorator. When the workers are all busy the
 * tool runs on the caller's thread without a limit rather than not at all.
 */
final class ToolTimeouts implements AutoCloseable {

	private final @Nullable Duration defaultTimeout;

	private final Map<String, Duration> timeouts;

	private final ExecutorService workers;

	/**
	 * Creates the limits.
	 * @param defaultTimeout the limit of tools without one of their own, or {@code null}
	 * for none
	 * @param timeouts limits by tool name
	 * @param workers where limited tools run: a bounded executor that rejects when full,
	 * owned from now on and shut down on {@link #close()}
	 */
	ToolTimeouts(@Nullable Duration defaultTimeout, Map<String, Duration> timeouts, ExecutorService workers) {
		this.defaultTimeout = defaultTimeout;
		this.timeouts = Map.copyOf(timeouts);
		this.workers = workers;
	}

	/**
	 * The limit of a tool.
	 * @param tool the tool name
	 * @return its limit, or {@code null} when it has none
	 */
	@Nullable Duration of(String tool) {
		Duration timeout = this.timeouts.get(tool);
		return (timeout != null) ? timeout : this.defaultTimeout;
	}

	/**
	 * Runs a tool within its limit.
	 * @param tool the call of the tool
	 * @param timeout the limit
	 * @param observation the caller's current observation, continued on the worker, or
	 * {@code null}
	 * @return the tool's result
	 * @throws TimeoutException when the tool did not answer in time; it is interrupted
	 */
	String call(Callable<String> tool, Duration timeout, @Nullable Observation observation) throws TimeoutException {
		Future<String> result;
		try {
			result = this.workers.submit(() -> {
				if (observation == null) {
					return tool.call();
				}
				try (Observation.Scope scope = observation.openScope()) {
					return tool.call();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			return callHere(tool);
		}
		try {
			return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw ex;
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the tool", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	private static String callHere(Callable<String> tool) {
		try {
			return tool.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Stops the workers, interrupting tools still running. */
	@Override
	public void close() {
		this.workers.shutdownNow();
	}

}
