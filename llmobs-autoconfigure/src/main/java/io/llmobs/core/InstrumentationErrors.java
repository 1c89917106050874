package io.llmobs.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Where llmobs reports its own failures: an exception inside the instrumentation is
 * counted in {@code llmobs.instrumentation.errors{component}} and logged at most once a
 * minute per component, and the user's call goes on. {@link #run(Component, Runnable)}
 * and {@link #call(Component, Supplier, Object)} guard a piece of instrumentation that
 * way; their forms with an argument, or a subject and an argument, take a non-capturing
 * method reference (such as {@code Handler::record}), so that code that runs on every
 * call allocates nothing for the guard.
 */
public final class InstrumentationErrors {

	/** Counter of failures inside llmobs. */
	public static final String METER_NAME = "llmobs.instrumentation.errors";

	private static final Log logger = LogFactory.getLog(InstrumentationErrors.class);

	private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final Map<Component, Counter> counters = new ConcurrentHashMap<>();

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<Component, AtomicLong> lastLogged = new ConcurrentHashMap<>();

	/**
	 * Creates the error reporter; each part of llmobs {@link #register registers} the
	 * components it reports under.
	 * @param registry where the counters are registered
	 */
	public InstrumentationErrors(MeterRegistry registry) {
		this.registry = registry;
		this.clock = registry.config().clock();
	}

	/**
	 * Registers the counter of a component at zero, so that an alert on
	 * {@code increase()} sees its first failure too: a class that reports under a
	 * component registers it when it is built. Registering again changes nothing.
	 * @param component the component
	 * @return this reporter, for a constructor to keep
	 */
	public InstrumentationErrors register(Component component) {
		counter(component);
		return this;
	}

	private Counter counter(Component component) {
		return this.counters.computeIfAbsent(component,
				(key) -> Counter.builder(METER_NAME)
					.description("Failures inside llmobs instrumentation; the instrumented calls went on")
					.tag("component", key.tagValue())
					.register(this.registry));
	}

	/**
	 * Runs a piece of instrumentation; a {@link RuntimeException} it throws is reported
	 * under its component and swallowed, an {@link Error} goes on.
	 * @param component the part of llmobs that runs it
	 * @param action the instrumentation
	 */
	public void run(Component component, Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			record(component, ex);
		}
	}

	/**
	 * Runs a piece of instrumentation on an argument, as
	 * {@link #run(Component, Runnable)} does; with a non-capturing {@code action} nothing
	 * is allocated.
	 * @param <A> the type of the argument
	 * @param component the part of llmobs that runs it
	 * @param argument the action's argument
	 * @param action the instrumentation
	 */
	public <A> void run(Component component, A argument, Consumer<? super A> action) {
		try {
			action.accept(argument);
		}
		catch (RuntimeException ex) {
			record(component, ex);
		}
	}

	/**
	 * Runs a piece of instrumentation on a subject and an argument, as
	 * {@link #run(Component, Runnable)} does; with a non-capturing {@code action} nothing
	 * is allocated.
	 * @param <S> the type of the subject
	 * @param <A> the type of the argument
	 * @param component the part of llmobs that runs it
	 * @param subject what the action is run on, typically the caller itself
	 * @param argument the action's argument
	 * @param action the instrumentation
	 */
	public <S, A extends @Nullable Object> void run(Component component, S subject, A argument,
			BiConsumer<? super S, ? super A> action) {
		try {
			action.accept(subject, argument);
		}
		catch (RuntimeException ex) {
			record(component, ex);
		}
	}

	/**
	 * Computes a value for the instrumentation; when that throws a
	 * {@link RuntimeException}, the failure is reported under its component and the
	 * fallback is returned, an {@link Error} goes on.
	 * @param <T> the type of the value
	 * @param component the part of llmobs that computes it
	 * @param action the computation
	 * @param fallback the value when it fails
	 * @return the computed value, or the fallback
	 */
	public <T extends @Nullable Object> T call(Component component, Supplier<? extends T> action, T fallback) {
		try {
			return action.get();
		}
		catch (RuntimeException ex) {
			record(component, ex);
			return fallback;
		}
	}

	/**
	 * Computes a value from an argument, as {@link #call(Component, Supplier, Object)}
	 * does; with a non-capturing {@code action} nothing is allocated.
	 * @param <A> the type of the argument
	 * @param <T> the type of the value
	 * @param component the part of llmobs that computes it
	 * @param argument the action's argument
	 * @param action the computation
	 * @param fallback the value when it fails
	 * @return the computed value, or the fallback
	 */
	public <A, T extends @Nullable Object> T call(Component component, A argument,
			Function<? super A, ? extends T> action, T fallback) {
		try {
			return action.apply(argument);
		}
		catch (RuntimeException ex) {
			record(component, ex);
			return fallback;
		}
	}

	/**
	 * Computes a value from a subject and an argument, as
	 * {@link #call(Component, Supplier, Object)} does; with a non-capturing
	 * {@code action} nothing is allocated.
	 * @param <S> the type of the subject
	 * @param <A> the type of the argument
	 * @param <T> the type of the value
	 * @param component the part of llmobs that computes it
	 * @param subject what the action is run on, typically the caller itself
	 * @param argument the action's argument
	 * @param action the computation
	 * @param fallback the value when it fails
	 * @return the computed value, or the fallback
	 */
	public <S, A extends @Nullable Object, T extends @Nullable Object> T call(Component component, S subject,
			A argument, BiFunction<? super S, ? super A, ? extends T> action, T fallback) {
		try {
			return action.apply(subject, argument);
		}
		catch (RuntimeException ex) {
			record(component, ex);
			return fallback;
		}
	}

	/**
	 * Reports a failure that llmobs caught.
	 * @param component the part of llmobs that failed
	 * @param ex the failure
	 */
	public void record(Component component, Throwable ex) {
		try {
			counter(component).increment();
			long now = this.clock.monotonicTime();
			AtomicLong last = this.lastLogged.computeIfAbsent(component,
					(key) -> new AtomicLong(now - LOG_INTERVAL_NANOS));
			long previous = last.get();
			if (now - previous >= LOG_INTERVAL_NANOS && last.compareAndSet(previous, now)) {
				logger.warn(
						"llmobs instrumentation failed in " + component.tagValue()
								+ "; the call proceeds without it (further failures are counted in " + METER_NAME + ")",
						ex);
			}
		}
		catch (RuntimeException ignored) {
			// Reporting must never fail the user's call either.
		}
	}

	/**
	 * A part of llmobs that reports failures: the value of the {@code component} tag.
	 * Each feature declares its own, so the set grows with the features and the core
	 * lists none of them; the values stay few and fixed in code.
	 *
	 * @param tagValue the tag value: lower case letters and underscores
	 */
	public record Component(String tagValue) {

		/**
		 * Checks the tag value.
		 * @param tagValue the tag value
		 */
		public Component {
			if (!tagValue.matches("[a-z][a-z_]*")) {
				throw new IllegalArgumentException(
						"Component tag values are lower case letters and underscores, not '" + tagValue + "'");
			}
		}

	}

}
