package io.llmobs.console;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class MeterReadingsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final MeterReadings readings = new MeterReadings(this.registry);

	@Test
	void latencyMergesTheSeriesOfAModelAndStageAndInterpolatesPercentilesInTheirBuckets() {
		Timer success = timer("gpt-4o-mini", "answer", "success");
		Timer error = timer("gpt-4o-mini", "answer", "error");
		for (int millis = 1; millis <= 100; millis++) {
			((millis % 4 == 0) ? error : success).record(Duration.ofMillis(millis));
		}
		timer("gpt-4o", "classify", "success").record(Duration.ofMillis(7));
		List<ConsoleSnapshot.Latency> latency = this.readings.latency("llmobs.chat");
		assertThat(latency).extracting(ConsoleSnapshot.Latency::model).containsExactly("gpt-4o", "gpt-4o-mini");
		ConsoleSnapshot.Latency merged = latency.get(1);
		assertThat(merged.stage()).isEqualTo("answer");
		assertThat(merged.count()).isEqualTo(100);
		assertThat(merged.meanMs()).isCloseTo(50.5, withinPercentage(0.1));
		// Linear within the buckets of 10 ms that hold the 50th and the 95th calls.
		assertThat(merged.p50Ms()).isCloseTo(50, withinPercentage(0.1));
		assertThat(merged.p95Ms()).isCloseTo(95, withinPercentage(0.1));
	}

	@Test
	void latencyWithoutAHistogramHasTheMeanOnly() {
		Timer.builder("llmobs.chat")
			.tags("model", "m", "stage", "s")
			.register(this.registry)
			.record(Duration.ofMillis(8));
		ConsoleSnapshot.Latency latency = this.readings.latency("llmobs.chat").get(0);
		assertThat(latency.meanMs()).isEqualTo(8.0);
		assertThat(latency.p50Ms()).isNull();
		assertThat(latency.p95Ms()).isNull();
	}

	@Test
	void countsAreSummedByTagsAndAMissingTagReadsNone() {
		this.registry.counter("llmobs.tool.calls", "tool", "lookup", "outcome", "success").increment(3);
		this.registry.counter("llmobs.tool.calls", "tool", "lookup", "outcome", "error").increment();
		this.registry.counter("llmobs.tool.calls", "tool", "calc", "outcome", "success").increment();
		this.registry.counter("llmobs.tool.calls", "outcome", "success").increment();
		assertThat(this.readings.countBy("llmobs.tool.calls", "outcome")).containsEntry("success", 5L)
			.containsEntry("error", 1L);
		assertThat(this.readings.countBy("llmobs.tool.calls", "tool", "outcome")).containsOnlyKeys("lookup", "calc",
				"none");
	}

	private Timer timer(String model, String stage, String outcome) {
		return Timer.builder("llmobs.chat")
			.tags("model", model, "stage", stage, "outcome", outcome)
			.serviceLevelObjectives(IntStream.rangeClosed(1, 10)
				.mapToObj((bucket) -> Duration.ofMillis(bucket * 10L))
				.toArray(Duration[]::new))
			.register(this.registry);
	}

}
