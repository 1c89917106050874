package io.llmobs.chat;

import java.util.concurrent.TimeUnit;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SpanAttributeWriter;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;

/**
 * A task scope opened by {@link LlmObs#task(String)}: every chat call made inside it, on
 * this thread or in a stream subscribed inside it, is a child of its {@code llmobs.task}
 * span and adds to its cost. Call {@link #success()} once the task reached its goal; a
 * task closed without it counts as an {@code error}.
 */
public final class LlmTask implements AutoCloseable {

	private static final String OUTCOME = "outcome";

	private final Observation observation;

	private final Observation.Scope scope;

	private final LlmTaskContext context;

	private final MeterRegistry meterRegistry;

	private final InstrumentationErrors errors;

	private final long startNanos;

	private volatile ChatOutcome outcome = ChatOutcome.ERROR;

	LlmTask(Observation observation, LlmTaskContext context, MeterRegistry meterRegistry,
			InstrumentationErrors errors) {
		this.observation = observation;
		this.context = context;
		this.meterRegistry = meterRegistry;
		this.errors = errors;
		this.startNanos = meterRegistry.config().clock().monotonicTime();
		this.scope = observation.start().openScope();
	}

	/** Marks the task as successful: its goal was reached. */
	public void success() {
		this.outcome = ChatOutcome.SUCCESS;
	}

	/**
	 * Marks the task as failed and records the failure on its span.
	 * @param failure why the task failed
	 */
	public void error(Throwable failure) {
		this.outcome = ChatOutcome.ERROR;
		this.observation.error(failure);
	}

	/**
	 * The cost of the model calls made within the task so far.
	 * @return USD
	 */
	public double costUsd() {
		return this.context.getCostUsd();
	}

	/** Ends the task: closes its span and records its duration and cost by outcome. */
	@Override
	public void close() {
		this.errors.run(ChatComponents.TASK, this, LlmTask::end);
	}

	private void end() {
		this.scope.close();
		String outcome = this.outcome.tagValue();
		double cost = this.context.getCostUsd();
		this.context.addLowCardinalityKeyValue(KeyValue.of(OUTCOME, outcome));
		SpanAttributeWriter.set(this.context, ChatSpanEnricher.COST_USD, cost);
		this.observation.stop();
		DistributionSummary.builder(ChatMetricNames.TASK_COST)
			.description("USD spent on the model calls of one task")
			.baseUnit("usd")
			.tags("task", this.context.getTask(), OUTCOME, outcome)
			.register(this.meterRegistry)
			.record(cost);
		GenAiConventions.workflowDuration(this.meterRegistry, this.context.getTask(), this.outcome)
			.record(this.meterRegistry.config().clock().monotonicTime() - this.startNanos, TimeUnit.NANOSECONDS);
	}

}
