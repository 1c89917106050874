package io.llmobs.console;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinuteHistoryTests {

	@Test
	void eachMinuteHasWhatItsLatestReadingAddedToThePreviousMinutes() {
		MinuteHistory history = new MinuteHistory(60, 10, Map.of("a", 1.0));
		history.record(10, Map.of("a", 2.0));
		history.record(10, Map.of("a", 3.0));
		history.record(11, Map.of("a", 4.0, "b", 2.0));
		MinuteHistory.Deltas deltas = history.deltas();
		assertThat(deltas.minutes()).containsExactly(10L, 11L);
		assertThat(deltas.series()).containsOnlyKeys("a", "b");
		assertThat(deltas.series().get("a")).containsExactly(2.0, 1.0);
		assertThat(deltas.series().get("b")).containsExactly(0.0, 2.0);
	}

	@Test
	void aMinuteWithoutReadingsIsCountedInTheNextOne() {
		MinuteHistory history = new MinuteHistory(60, 10, Map.of("a", 0.0));
		history.record(10, Map.of("a", 1.0));
		history.record(13, Map.of("a", 5.0));
		MinuteHistory.Deltas deltas = history.deltas();
		assertThat(deltas.minutes()).containsExactly(10L, 13L);
		assertThat(deltas.series().get("a")).containsExactly(1.0, 4.0);
	}

	@Test
	void keepsTheLastMinutesOnly() {
		MinuteHistory history = new MinuteHistory(3, 0, Map.of("a", 0.0));
		for (int minute = 0; minute < 10; minute++) {
			history.record(minute, Map.of("a", minute + 1.0));
		}
		MinuteHistory.Deltas deltas = history.deltas();
		assertThat(deltas.minutes()).containsExactly(7L, 8L, 9L);
		assertThat(deltas.series().get("a")).containsExactly(1.0, 1.0, 1.0);
	}

	@Test
	void aCounterThatWasRemovedDoesNotCountNegative() {
		MinuteHistory history = new MinuteHistory(60, 0, Map.of("a", 5.0));
		history.record(0, Map.of());
		history.record(1, Map.of("a", 1.0));
		assertThat(history.deltas().series().get("a")).containsExactly(0.0, 1.0);
	}

}
