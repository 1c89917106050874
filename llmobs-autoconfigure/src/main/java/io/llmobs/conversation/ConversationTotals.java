package io.llmobs.conversation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What one conversation added up to so far: turns, tokens, priced cost, the highest
 * context utilization of its model calls and the history's share of the window at its
 * latest model call. Updated by the threads of its calls, read by the endpoint.
 */
final class ConversationTotals {

	private final String id;

	private final long firstSeenMillis;

	private long lastSeenMillis;

	private int turns;

	private long inputTokens;

	private long outputTokens;

	private double costUsd;

	private double peakUtilization = -1;

	private double historyRatio = -1;

	ConversationTotals(String id, long nowMillis) {
		this.id = id;
		this.firstSeenMillis = nowMillis;
		this.lastSeenMillis = nowMillis;
	}

	/**
	 * Counts a turn.
	 * @return its number, from 1
	 */
	synchronized int turnStarted(long nowMillis) {
		this.lastSeenMillis = nowMillis;
		return ++this.turns;
	}

	synchronized void modelCall(long input, long output, @Nullable Double cost, @Nullable Double utilization,
			@Nullable Double historyRatio) {
		this.inputTokens += input;
		this.outputTokens += output;
		if (cost != null) {
			this.costUsd += cost;
		}
		if (utilization != null) {
			this.peakUtilization = Math.max(this.peakUtilization, utilization);
		}
		if (historyRatio != null) {
			this.historyRatio = historyRatio;
		}
	}

	synchronized Conversations.Summary summary() {
		return new Conversations.Summary(this.id, this.turns, this.inputTokens, this.outputTokens, this.costUsd,
				(this.peakUtilization >= 0) ? this.peakUtilization : null,
				(this.historyRatio >= 0) ? this.historyRatio : null, Instant.ofEpochMilli(this.firstSeenMillis),
				Instant.ofEpochMilli(this.lastSeenMillis));
	}

}
