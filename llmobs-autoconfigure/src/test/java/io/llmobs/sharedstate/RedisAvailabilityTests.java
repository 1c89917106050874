package io.llmobs.sharedstate;

import java.time.Duration;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failing Redis is left alone for the retry interval, then probed by one caller; an
 * outage is logged once at WARN and its end once at INFO, every fallback counted.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisAvailabilityTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final RedisAvailability availability = new RedisAvailability(Duration.ofMillis(50), Duration.ofSeconds(5),
			this.registry);

	@Test
	void anOutageIsLeftAloneForTheRetryIntervalThenProbedByOneCaller(CapturedOutput output) {
		assertThat(this.availability.usable()).isTrue();
		this.availability.failed(new IllegalStateException("connection refused"));
		this.availability.failed(new IllegalStateException("connection refused"));
		assertThat(this.availability.usable()).isFalse();
		this.availability.fellBack();
		this.clock.add(Duration.ofSeconds(5));
		assertThat(this.availability.usable()).as("the probe").isTrue();
		assertThat(this.availability.usable()).as("the others while the probe runs").isFalse();
		this.availability.succeeded();
		assertThat(this.availability.usable()).isTrue();
		assertThat(this.registry.get(RedisAvailability.FALLBACKS).counter().count()).isEqualTo(3);
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN") && line.contains("Redis failed")))
			.hasSize(1);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Redis answers again"))).hasSize(1);
	}

}
