package io.llmobs.feedback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.llmobs.chat.BoundedTagValues;

/**
 * One user request as feedback sees it: the calls of one trace (or one call without tracing), when it started, the
 * stage of its latest call and the guardrails that blocked it. Its response ids and trace id all lead to it.
 */
final class Interaction {

	private final long startNanos;

	private volatile String stage = BoundedTagValues.NONE;

	private final Set<String> blockedBy = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean accepted = new AtomicBoolean();

	Interaction(long startNanos) {
		this.startNanos = startNanos;
	}

	long startNanos() {
		return this.startNanos;
	}

	String stage() {
		return this.stage;
	}

	void stage(String stage) {
		this.stage = stage;
	}

	void blockedBy(String guardrail) {
		this.blockedBy.add(guardrail);
	}

	/** The guardrails that blocked it, forgotten so an override counts once per guardrail. */
	Set<String> takeBlockedBy() {
		Set<String> taken = Set.copyOf(this.blockedBy);
		this.blockedBy.removeAll(taken);
		return taken;
	}

	/** Whether this is the first {@code accepted}. */
	boolean accept() {
		return this.accepted.compareAndSet(false, true);
	}

}
