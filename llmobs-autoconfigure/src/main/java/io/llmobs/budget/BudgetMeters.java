package io.llmobs.budget;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The budget meters: the counters of calls over a budget, prebuilt for every scope and
 * action, and one utilization gauge per budgeted scope.
 */
final class BudgetMeters {

	private final MeterRegistry registry;

	private final Counter[][] exceeded;

	BudgetMeters(MeterRegistry registry) {
		this.registry = registry;
		BudgetScope.Kind[] kinds = BudgetScope.Kind.values();
		BudgetMode[] modes = BudgetMode.values();
		this.exceeded = new Counter[kinds.length][modes.length];
		for (BudgetScope.Kind kind : kinds) {
			for (BudgetMode mode : modes) {
				this.exceeded[kind.ordinal()][mode.ordinal()] = Counter.builder(BudgetMetricNames.EXCEEDED)
					.description("Calls started while their tenant or stage was over its daily budget")
					.tag("scope", kind.tagValue())
					.tag("action", (mode == BudgetMode.BLOCK) ? "blocked" : "warned")
					.register(registry);
			}
		}
	}

	void exceeded(BudgetScope.Kind kind, BudgetMode mode) {
		this.exceeded[kind.ordinal()][mode.ordinal()].increment();
	}

	void utilization(ScopeBudget budget, ToDoubleFunction<ScopeBudget> utilization) {
		Gauge.builder(BudgetMetricNames.UTILIZATION, budget, utilization)
			.description("Today's spend (UTC day) over the daily budget, as last read")
			.tag("scope", budget.scope().kind().tagValue())
			.tag("name", budget.scope().name())
			.strongReference(true)
			.register(this.registry);
	}

}
