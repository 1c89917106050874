package io.llmobs.console;

import java.util.List;

import io.llmobs.chat.ModelCall;
import io.llmobs.chat.ModelCallScope;
import io.llmobs.core.CallAttribution;
import io.llmobs.cost.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCallsTests {

	@Test
	void isEmptyAtFirst() {
		assertThat(new RecentCalls(3).newestFirst()).isEmpty();
	}

	@Test
	void keepsTheCallsNewestFirst() {
		RecentCalls calls = new RecentCalls(3);
		calls.add(call(1));
		calls.add(call(2));
		assertThat(calls.newestFirst()).extracting(RecentCall::epochMillis).containsExactly(2L, 1L);
	}

	@Test
	void overwritesTheOldestBeyondItsCapacity() {
		RecentCalls calls = new RecentCalls(3);
		for (int i = 1; i <= 7; i++) {
			calls.add(call(i));
		}
		assertThat(calls.newestFirst()).extracting(RecentCall::epochMillis).containsExactly(7L, 6L, 5L);
	}

	private static RecentCall call(long time) {
		ModelCall call = new ModelCall(new ModelCallScope(new CallAttribution("default", "none"), null, 1, null),
				"openai", "gpt-4o-mini", "gpt-4o-mini", TokenUsage.NONE, false, true, List.of(), null);
		return new RecentCall(time, 1_000_000, call, null, false, null, null);
	}

}
