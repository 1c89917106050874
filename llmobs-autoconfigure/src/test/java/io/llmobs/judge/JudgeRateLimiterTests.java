package io.llmobs.judge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The judge's own rate limit: {@code max-per-minute} permits per window, refilled when
 * the next window starts.
 */
class JudgeRateLimiterTests {

	private final AtomicLong nanos = new AtomicLong(-5_000);

	private final JudgeRateLimiter limiter = new JudgeRateLimiter(2, Duration.ofMinutes(1), this.nanos::get);

	@Test
	void givesThePermitsOfAWindowAndRefillsThemInTheNext() {
		assertThat(this.limiter.tryAcquire()).isTrue();
		assertThat(this.limiter.tryAcquire()).isTrue();
		assertThat(this.limiter.tryAcquire()).isFalse();
		this.nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(this.limiter.tryAcquire()).isFalse();
		this.nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(this.limiter.tryAcquire()).isTrue();
		assertThat(this.limiter.tryAcquire()).isTrue();
		assertThat(this.limiter.tryAcquire()).isFalse();
	}

	@Test
	void unusedPermitsAreNotCarriedOver() {
		this.nanos.addAndGet(Duration.ofMinutes(10).toNanos());
		assertThat(this.limiter.tryAcquire()).isTrue();
		assertThat(this.limiter.tryAcquire()).isTrue();
		assertThat(this.limiter.tryAcquire()).isFalse();
	}

	@Test
	void needsAPermitAndAPeriod() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JudgeRateLimiter(0, Duration.ofMinutes(1), System::nanoTime));
		assertThatIllegalArgumentException().isThrownBy(() -> new JudgeRateLimiter(1, Duration.ZERO, System::nanoTime));
	}

}
