package io.llmobs.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.llmobs.core.LlmObsParams;
import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.memory.ChatMemory;

/**
 * The recent conversations of this instance, in a cache bounded in size and idle time,
 * and the costliest of them for the endpoint.
 */
public final class Conversations {

	private final Cache<String, ConversationTotals> byId;

	private final long maxTracked;

	private final int top;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param maxTracked conversations kept at most
	 * @param expireAfterIdle how long a conversation without a turn is kept
	 * @param top how many conversations the endpoint lists
	 * @param clock the clock of the turns' times and of expiry
	 */
	Conversations(long maxTracked, Duration expireAfterIdle, int top, Clock clock) {
		// The upkeep (eviction, expiry) runs on the calling thread in small amortized
		// steps instead of waking a common-pool thread once per turn.
		this.byId = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(maxTracked)
			.expireAfterAccess(expireAfterIdle)
			.ticker(clock::monotonicTime)
			.build();
		this.maxTracked = maxTracked;
		this.top = top;
		this.clock = clock;
	}

	/**
	 * The conversation id of a call's advisor parameters.
	 * @param params the advisor context of a {@code ChatClient} call
	 * @return Spring AI's chat-memory conversation id, else the
	 * {@code llmobs.conversation.id} parameter, else {@code null}
	 */
	static @Nullable String idOf(Map<String, ? extends @Nullable Object> params) {
		Object id = params.get(ChatMemory.CONVERSATION_ID);
		if (id == null) {
			id = params.get(LlmObsParams.CONVERSATION_ID);
		}
		String text = (id != null) ? id.toString() : null;
		return (text != null && !text.isBlank()) ? text : null;
	}

	/**
	 * Counts a turn of a conversation.
	 * @param conversationId the conversation id
	 * @return the turn
	 */
	ConversationTurn turnStarted(String conversationId) {
		long now = this.clock.wallTime();
		// A look-up first: Caffeine's get(key, mapping) builds a compute context on every
		// call, and most turns are of a conversation already kept.
		ConversationTotals totals = this.byId.getIfPresent(conversationId);
		if (totals == null) {
			totals = this.byId.get(conversationId, (id) -> new ConversationTotals(id, now));
		}
		return new ConversationTurn(conversationId, totals.turnStarted(now), totals);
	}

	/**
	 * The costliest recent conversations.
	 * @return the conversations kept and the costliest of them, costliest first
	 */
	public Snapshot snapshot() {
		List<Summary> costliest = this.byId.asMap()
			.values()
			.stream()
			.map(ConversationTotals::summary)
			.sorted(Comparator.comparingDouble(Summary::costUsd).reversed())
			.limit(this.top)
			.toList();
		return new Snapshot(this.byId.estimatedSize(), this.maxTracked, costliest);
	}

	/**
	 * The recent conversations at one moment.
	 *
	 * @param tracked conversations kept now (an estimate)
	 * @param maxTracked conversations kept at most
	 * @param costliest the costliest of them, costliest first
	 */
	public record Snapshot(long tracked, long maxTracked, List<Summary> costliest) {
	}

	/**
	 * One conversation.
	 *
	 * @param id the conversation id
	 * @param turns its {@code ChatClient} calls
	 * @param inputTokens input tokens of its model calls
	 * @param outputTokens output tokens of its model calls
	 * @param costUsd USD of its priced model calls
	 * @param peakContextUtilization the highest context utilization of its model calls,
	 * {@code null} when no window was known
	 * @param historyRatio the history section's share of the window at its latest model
	 * call whose window was known, {@code null} when none was
	 * @param firstSeen its first turn on this instance
	 * @param lastSeen its latest turn
	 */
	public record Summary(String id, int turns, long inputTokens, long outputTokens, double costUsd,
			@Nullable Double peakContextUtilization, @Nullable Double historyRatio, Instant firstSeen,
			Instant lastSeen) {
	}

}
