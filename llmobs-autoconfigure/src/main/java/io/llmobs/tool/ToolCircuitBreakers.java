package io.llmobs.tool;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One Resilience4j circuit breaker per tool, named after the tool, from a
 * {@link CircuitBreakerRegistry}: the application's when it has one (so its
 * {@code resilience4j.circuitbreaker.instances.<tool>} settings apply), else one
 * configured from {@code llmobs.tools.circuit-breaker.*}.
 */
public final class ToolCircuitBreakers {

	private final CircuitBreakerRegistry registry;

	private final @Nullable Function<String, CircuitBreakerConfig> configs;

	private final boolean enabled;

	/**
	 * Breakers from a registry, each with its registry's configuration for its name.
	 * @param registry the registry
	 * @param enabled whether the breakers act; when false they are created disabled:
	 * always closed, never counting
	 * @return the breakers
	 */
	public static ToolCircuitBreakers of(CircuitBreakerRegistry registry, boolean enabled) {
		return new ToolCircuitBreakers(registry, null, enabled);
	}

	/**
	 * Breakers with a default configuration and per-tool overrides.
	 * @param registry the registry the breakers are kept in
	 * @param defaults the configuration of tools without an override
	 * @param overrides configurations by tool name
	 * @param enabled whether the breakers act; when false they are created disabled:
	 * always closed, never counting
	 * @return the breakers
	 */
	public static ToolCircuitBreakers of(CircuitBreakerRegistry registry, CircuitBreakerConfig defaults,
			Map<String, CircuitBreakerConfig> overrides, boolean enabled) {
		return new ToolCircuitBreakers(registry, (tool) -> overrides.getOrDefault(tool, defaults), enabled);
	}

	private ToolCircuitBreakers(CircuitBreakerRegistry registry,
			@Nullable Function<String, CircuitBreakerConfig> configs, boolean enabled) {
		this.registry = registry;
		this.configs = configs;
		this.enabled = enabled;
	}

	/**
	 * The breaker of a tool, created on first use.
	 * @param tool the tool name
	 * @return its breaker
	 */
	public CircuitBreaker forTool(String tool) {
		Function<String, CircuitBreakerConfig> configs = this.configs;
		CircuitBreaker breaker = (configs != null) ? this.registry.circuitBreaker(tool, () -> configs.apply(tool))
				: this.registry.circuitBreaker(tool);
		if (!this.enabled && breaker.getState() != CircuitBreaker.State.DISABLED) {
			breaker.transitionToDisabledState();
		}
		return breaker;
	}

	/** The breaker of a tool as the guard uses it. */
	ToolBreaker breaker(String tool) {
		return new Breaker(forTool(tool));
	}

	/**
	 * The state of every breaker in the registry, for the actuator endpoint.
	 * @return breaker name to state, lower case
	 */
	public Map<String, String> states() {
		Map<String, String> states = new TreeMap<>();
		this.registry.getAllCircuitBreakers()
			.forEach((breaker) -> states.put(breaker.getName(), breaker.getState().name().toLowerCase(Locale.ROOT)));
		return states;
	}

	private record Breaker(CircuitBreaker breaker) implements ToolBreaker {

		@Override
		public boolean tryAcquirePermission() {
			return this.breaker.tryAcquirePermission();
		}

		@Override
		public void onSuccess(long nanos) {
			this.breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
		}

		@Override
		public void onError(long nanos, Throwable error) {
			this.breaker.onError(nanos, TimeUnit.NANOSECONDS, error);
		}

		@Override
		public String state() {
			return this.breaker.getState().name().toLowerCase(Locale.ROOT);
		}

	}

}
