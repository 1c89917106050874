package io.llmobs.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.AllocatedBytes;
import io.micrometer.core.instrument.MockClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.memory.ChatMemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class ConversationsTests {

	private final MockClock clock = new MockClock();

	private final Conversations conversations = new Conversations(100, Duration.ofMinutes(30), 2, this.clock);

	@Test
	void listsTheCostliestFirstWithTheirTurnsTokensAndContextFigures() {
		turn("cheap", 0.001, 0.2, 0.0);
		turn("dear", 0.010, 0.3, 0.1);
		turn("dear", 0.020, 0.6, 0.4);
		turn("middle", 0.005, null, null);
		Conversations.Snapshot snapshot = this.conversations.snapshot();
		assertThat(snapshot.tracked()).isEqualTo(3);
		assertThat(snapshot.costliest()).extracting(Conversations.Summary::id).containsExactly("dear", "middle");
		Conversations.Summary dear = snapshot.costliest().get(0);
		assertThat(dear.turns()).isEqualTo(2);
		assertThat(dear.inputTokens()).isEqualTo(200);
		assertThat(dear.outputTokens()).isEqualTo(20);
		assertThat(dear.costUsd()).isCloseTo(0.030, offset(1e-12));
		assertThat(dear.peakContextUtilization()).isEqualTo(0.6);
		assertThat(dear.historyRatio()).as("the latest turn's").isEqualTo(0.4);
		Conversations.Summary middle = snapshot.costliest().get(1);
		assertThat(middle.peakContextUtilization()).as("no window known").isNull();
		assertThat(middle.historyRatio()).isNull();
	}

	@Test
	void forgetsAConversationIdlePastTheExpiryAndCountsItAgainFromItsNextTurn() {
		turn("old", 0.01, null, null);
		Instant firstSeen = this.conversations.snapshot().costliest().get(0).firstSeen();
		this.clock.add(31, TimeUnit.MINUTES);
		assertThat(this.conversations.snapshot().costliest()).isEmpty();
		ConversationTurn again = this.conversations.turnStarted("old");
		assertThat(again.number()).isOne();
		assertThat(this.conversations.snapshot().costliest().get(0).firstSeen()).isAfter(firstSeen);
	}

	@Test
	void keepsAtMostTheLimit() {
		Conversations small = new Conversations(3, Duration.ofHours(1), 10, this.clock);
		for (int i = 0; i < 50; i++) {
			small.turnStarted("c" + i);
		}
		assertThat(small.snapshot().tracked()).isLessThanOrEqualTo(3);
		assertThat(small.snapshot().costliest()).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void aTurnOfAKeptConversationAllocatesOnlyItsTurn() {
		this.conversations.turnStarted("kept");
		assertThat(AllocatedBytes.perRun(10_000, () -> this.conversations.turnStarted("kept"))).isLessThanOrEqualTo(32);
	}

	@Test
	void chatMemoryConversationIdComesBeforeTheLlmobsParameterAndBlankIsNone() {
		Map<String, Object> params = new HashMap<>();
		assertThat(Conversations.idOf(params)).isNull();
		params.put(LlmObsParams.CONVERSATION_ID, "mine");
		assertThat(Conversations.idOf(params)).isEqualTo("mine");
		params.put(ChatMemory.CONVERSATION_ID, "memory");
		assertThat(Conversations.idOf(params)).isEqualTo("memory");
		assertThat(Conversations.idOf(Map.of(ChatMemory.CONVERSATION_ID, " "))).isNull();
	}

	private void turn(String id, double cost, @Nullable Double utilization, @Nullable Double historyRatio) {
		ConversationTurn turn = this.conversations.turnStarted(id);
		turn.totals().modelCall(100, 10, cost, utilization, historyRatio);
	}

}
