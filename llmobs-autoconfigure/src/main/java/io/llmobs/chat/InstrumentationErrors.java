package io.llmobs.chat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Where llmobs reports its own failures: an exception inside the instrumentation is counted in
 * {@code llmobs.instrumentation.errors{component}} and logged at most once a minute per component, and the
 * user's call goes on.
 */
public final class InstrumentationErrors {

	/** Counter of failures inside llmobs. */
	public static final String METER_NAME = "llmobs.instrumentation.errors";

	private static final Log logger = LogFactory.getLog(InstrumentationErrors.class);

	private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final Map<Component, Counter> counters = new EnumMap<>(Component.class);

	private final Clock clock;

	private final Map<Component, AtomicLong> lastLogged = new ConcurrentHashMap<>();

	/**
	 * Creates the error reporter, with a counter at zero for every component, so that an alert on
	 * {@code increase()} sees the first failure too.
	 * @param registry where the counters are registered
	 */
	public InstrumentationErrors(MeterRegistry registry) {
		for (Component component : Component.values()) {
			this.counters.put(component, Counter.builder(METER_NAME)
				.description("Failures inside llmobs instrumentation; the instrumented calls went on")
				.tag("component", component.tagValue())
				.register(registry));
		}
		this.clock = registry.config().clock();
	}

	/**
	 * Reports a failure that llmobs caught.
	 * @param component the part of llmobs that failed
	 * @param ex the failure
	 */
	public void record(Component component, Throwable ex) {
		try {
			this.counters.get(component).increment();
			long now = this.clock.monotonicTime();
			AtomicLong last = this.lastLogged.computeIfAbsent(component, (key) -> new AtomicLong(now - LOG_INTERVAL_NANOS));
			long previous = last.get();
			if (now - previous >= LOG_INTERVAL_NANOS && last.compareAndSet(previous, now)) {
				logger.warn("llmobs instrumentation failed in " + component.tagValue()
						+ "; the call proceeds without it (further failures are counted in " + METER_NAME + ")", ex);
			}
		}
		catch (RuntimeException ignored) {
			// Reporting must never fail the user's call either.
		}
	}

	/**
	 * The parts of llmobs that report failures: the closed set of {@code component} tag values.
	 */
	public enum Component {

		/** The {@code ChatClient} instrumentation: its observation handler and stream advisors. */
		CHAT_CLIENT("chat_client"),

		/** The model-call metrics handler. */
		MODEL_METRICS("model_metrics"),

		/** The span enrichment filter. */
		SPANS("spans"),

		/** Context-window accounting: section counts, calibration, the block guard. */
		CONTEXT("context"),

		/** The tool guard: circuit breakers, tool timings and span attributes. */
		TOOLS("tools"),

		/** Trace propagation over MCP: the client's {@code _meta} and the server's tool-call observations. */
		MCP("mcp"),

		/** The application's {@link TenantResolver}. */
		TENANT_RESOLVER("tenant_resolver"),

		/** Task scopes. */
		TASK("task"),

		/** Prompt identity: template tracking and resolution. */
		PROMPTS("prompts"),

		/** User feedback and guardrail verdicts. */
		FEEDBACK("feedback"),

		/** The sampled judge. */
		JUDGE("judge"),

		/** Content capture, PII counts and the redaction of Spring AI's content attributes. */
		REDACTION("redaction");

		private final String tagValue;

		Component(String tagValue) {
			this.tagValue = tagValue;
		}

		/**
		 * The tag value.
		 * @return the {@code component} tag value
		 */
		public String tagValue() {
			return this.tagValue;
		}

	}

}
