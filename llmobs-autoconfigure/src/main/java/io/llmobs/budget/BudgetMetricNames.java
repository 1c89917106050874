package io.llmobs.budget;

/**
 * The names of the budget meters.
 */
public final class BudgetMetricNames {

	/**
	 * Counter of calls started while their tenant or stage was over its daily budget, by
	 * {@code scope} and {@code action} ({@code warned}: let through in {@code warn} mode,
	 * {@code blocked}: refused in {@code block} mode).
	 */
	public static final String EXCEEDED = "llmobs.budget.exceeded";

	/**
	 * Gauge of today's spend over the daily budget, by {@code scope} and {@code name}, as
	 * last read.
	 */
	public static final String UTILIZATION = "llmobs.budget.utilization";

	private BudgetMetricNames() {
	}

}
