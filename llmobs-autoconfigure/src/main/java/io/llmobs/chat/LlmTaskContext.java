package io.llmobs.chat;

import java.util.concurrent.atomic.DoubleAdder;

import io.micrometer.observation.Observation;

/**
 * Observation context of a task scope: the model calls nested in it add their cost here.
 */
public final class LlmTaskContext extends Observation.Context {

	private final String task;

	private final DoubleAdder costUsd = new DoubleAdder();

	LlmTaskContext(String task) {
		this.task = task;
	}

	/**
	 * The bounded task name.
	 * @return the {@code task} tag value
	 */
	public String getTask() {
		return this.task;
	}

	/**
	 * The cost of the model calls made within the task so far.
	 * @return USD
	 */
	public double getCostUsd() {
		return this.costUsd.sum();
	}

	void addCost(double usd) {
		this.costUsd.add(usd);
	}

}
