package io.llmobs.sample.simulator;

import java.time.Duration;

/**
 * Waits as long as a simulated model takes, on the simulator's own request thread (never
 * on the caller's).
 */
final class SimulatedLatency {

	private SimulatedLatency() {
	}

	static void pause(Duration duration) {
		if (duration.isZero() || duration.isNegative()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
