package io.llmobs.autoconfigure.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the tool guard, under {@code llmobs.tools}: tool timings, time limits,
 * loop bounds and circuit breakers of the tools made for the model.
 */
@ConfigurationProperties("llmobs.tools")
@Validated
public class LlmObsToolProperties {

	/**
	 * Whether every tool that Spring AI's tool-calling advisor runs is timed and put
	 * behind a circuit breaker.
	 */
	private boolean enabled = true;

	/**
	 * What the model receives instead of a result while a tool's circuit breaker is open;
	 * '%s' is the tool name.
	 */
	@NotBlank
	private String degradedMessage = "The tool '%s' is unavailable right now. Answer without it, or tell the "
			+ "user that this information cannot be retrieved at the moment.";

	/**
	 * One Resilience4j circuit breaker per tool. Ignored when the application has a
	 * CircuitBreakerRegistry bean: its configuration for the tool's name applies.
	 */
	@Valid
	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	/**
	 * Model round trips per ChatClient call; when the model still asks for tools at the
	 * last one, the loop ends with its last words as the answer instead of running them.
	 */
	@Min(1)
	private int maxIterations = 10;

	/**
	 * Loop control within one ChatClient call.
	 */
	@Valid
	private final Loop loop = new Loop();

	/**
	 * Time limit of every tool without one of its own; unset: none. A limited tool runs
	 * on a worker thread (its spans keep their parent; other thread-bound state, such as
	 * a security context, does not follow).
	 */
	@DurationMin(nanos = 1)
	private @Nullable Duration timeout;

	/**
	 * Time limits by tool name.
	 */
	private final Map<String, @NotNull @DurationMin(nanos = 1) Duration> timeouts = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getDegradedMessage() {
		return this.degradedMessage;
	}

	public void setDegradedMessage(String degradedMessage) {
		this.degradedMessage = degradedMessage;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public int getMaxIterations() {
		return this.maxIterations;
	}

	public void setMaxIterations(int maxIterations) {
		this.maxIterations = maxIterations;
	}

	public Loop getLoop() {
		return this.loop;
	}

	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(@Nullable Duration timeout) {
		this.timeout = timeout;
	}

	public Map<String, Duration> getTimeouts() {
		return this.timeouts;
	}

	/**
	 * Loop control within one ChatClient call.
	 */
	public static class Loop {

		/**
		 * Calls of the same tool with the same (canonical JSON) arguments allowed per
		 * ChatClient call; further ones are not run and the model is told so.
		 */
		@Min(1)
		private int maxIdenticalCalls = 3;

		public int getMaxIdenticalCalls() {
			return this.maxIdenticalCalls;
		}

		public void setMaxIdenticalCalls(int maxIdenticalCalls) {
			this.maxIdenticalCalls = maxIdenticalCalls;
		}

	}

	/**
	 * The circuit breakers of the tools: defaults and per-tool overrides, with
	 * Resilience4j's names and meanings.
	 */
	public static class CircuitBreaker extends BreakerSettings {

		/**
		 * Whether tools are put behind circuit breakers; when false they are only timed.
		 */
		private boolean enabled = true;

		/**
		 * Per-tool overrides, by tool name; unset values are taken from the defaults
		 * above.
		 */
		private final Map<String, @Valid BreakerSettings> instances = new LinkedHashMap<>();

		public CircuitBreaker() {
			setFailureRateThreshold(10f);
			setSlidingWindowSize(20);
			setMinimumNumberOfCalls(10);
			setWaitDurationInOpenState(Duration.ofSeconds(30));
			setPermittedNumberOfCallsInHalfOpenState(3);
			setSlowCallRateThreshold(100f);
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, BreakerSettings> getInstances() {
			return this.instances;
		}

	}

	/**
	 * Settings of a circuit breaker; unset values of a per-tool entry come from the
	 * defaults.
	 */
	public static class BreakerSettings {

		/**
		 * Percentage of failed calls in the sliding window at which the breaker opens.
		 */
		@Positive
		@DecimalMax("100")
		private @Nullable Float failureRateThreshold;

		/**
		 * Calls in the count-based sliding window.
		 */
		@Min(1)
		private @Nullable Integer slidingWindowSize;

		/**
		 * Calls needed in the window before the failure rate is computed.
		 */
		@Min(1)
		private @Nullable Integer minimumNumberOfCalls;

		/**
		 * How long the breaker stays open before it lets trial calls through.
		 */
		@DurationMin(nanos = 1)
		private @Nullable Duration waitDurationInOpenState;

		/**
		 * Trial calls allowed while half-open.
		 */
		@Min(1)
		private @Nullable Integer permittedNumberOfCallsInHalfOpenState;

		/**
		 * Calls slower than this count as slow; unset: no call is slow.
		 */
		@DurationMin(nanos = 1)
		private @Nullable Duration slowCallDurationThreshold;

		/**
		 * Percentage of slow calls in the window at which the breaker opens.
		 */
		@Positive
		@DecimalMax("100")
		private @Nullable Float slowCallRateThreshold;

		public @Nullable Float getFailureRateThreshold() {
			return this.failureRateThreshold;
		}

		public void setFailureRateThreshold(@Nullable Float failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
		}

		public @Nullable Integer getSlidingWindowSize() {
			return this.slidingWindowSize;
		}

		public void setSlidingWindowSize(@Nullable Integer slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
		}

		public @Nullable Integer getMinimumNumberOfCalls() {
			return this.minimumNumberOfCalls;
		}

		public void setMinimumNumberOfCalls(@Nullable Integer minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
		}

		public @Nullable Duration getWaitDurationInOpenState() {
			return this.waitDurationInOpenState;
		}

		public void setWaitDurationInOpenState(@Nullable Duration waitDurationInOpenState) {
			this.waitDurationInOpenState = waitDurationInOpenState;
		}

		public @Nullable Integer getPermittedNumberOfCallsInHalfOpenState() {
			return this.permittedNumberOfCallsInHalfOpenState;
		}

		public void setPermittedNumberOfCallsInHalfOpenState(@Nullable Integer permittedNumberOfCallsInHalfOpenState) {
			this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
		}

		public @Nullable Duration getSlowCallDurationThreshold() {
			return this.slowCallDurationThreshold;
		}

		public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
			this.slowCallDurationThreshold = slowCallDurationThreshold;
		}

		public @Nullable Float getSlowCallRateThreshold() {
			return this.slowCallRateThreshold;
		}

		public void setSlowCallRateThreshold(@Nullable Float slowCallRateThreshold) {
			this.slowCallRateThreshold = slowCallRateThreshold;
		}

	}

}
