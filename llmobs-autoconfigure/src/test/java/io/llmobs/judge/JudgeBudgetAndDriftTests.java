package io.llmobs.judge;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.LocalDailySpend;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The daily budget rolls over at midnight UTC; drift is the rolling mean minus the
 * baseline.
 */
class JudgeBudgetAndDriftTests {

	@Test
	void budgetIsPerUtcDay() {
		MockClock clock = new MockClock();
		clock.add(Instant.parse("2026-11-23T23:59:00Z").toEpochMilli() - clock.wallTime(), TimeUnit.MILLISECONDS);
		JudgeBudget budget = new JudgeBudget(0.10, new LocalDailySpend(clock));
		budget.charge(0.06);
		assertThat(budget.exhausted()).isFalse();
		budget.charge(0.05);
		assertThat(budget.exhausted()).isTrue();
		assertThat(budget.spentTodayUsd()).isEqualTo(0.11, offset(1e-9));
		clock.add(Duration.ofMinutes(2));
		assertThat(budget.exhausted()).isFalse();
		assertThat(budget.spentTodayUsd()).isZero();
	}

	@Test
	void driftIsTheRollingMeanMinusTheBaselineForBaselinedSeriesOnly() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		JudgeBaseline baseline = new JudgeBaseline(null, Map.of("faithfulness", Map.of("answer", 0.9)), Map.of());
		JudgeDrift drift = new JudgeDrift(registry, baseline, 3);
		drift.record("faithfulness", "answer", 1.0);
		drift.record("relevance", "answer", 1.0);
		drift.record("faithfulness", "classify", 1.0);
		assertThat(registry.get(JudgeMetricNames.DRIFT).gauges()).singleElement()
			.satisfies((gauge) -> assertThat(gauge.value()).isEqualTo(0.1, offset(1e-9)));
		drift.record("faithfulness", "answer", 0.6);
		drift.record("faithfulness", "answer", 0.5);
		drift.record("faithfulness", "answer", 0.4);
		assertThat(registry.get(JudgeMetricNames.DRIFT)
			.tags("criterion", "faithfulness", "stage", "answer")
			.gauge()
			.value()).as("the window holds the last three scores").isEqualTo(-0.4, offset(1e-9));
	}

}
