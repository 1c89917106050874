package io.llmobs.feedback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.llmobs.core.BoundedTagValues;
import org.jspecify.annotations.Nullable;

/**
 * One user request as feedback sees it: the calls of one trace (or one call without
 * tracing), when it started, the stage of its latest call and the guardrails that blocked
 * it. Its response ids and trace id all lead to it.
 */
final class Interaction {

	private final long startNanos;

	private volatile String stage = BoundedTagValues.NONE;

	/** Made at the first block: most interactions have none. */
	private volatile @Nullable Set<String> blockedBy;

	/**
	 * A field, not an {@code AtomicBoolean}: every interaction is kept for a while, most
	 * are never accepted.
	 */
	private boolean accepted;

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
		Set<String> blocked = this.blockedBy;
		if (blocked == null) {
			synchronized (this) {
				blocked = this.blockedBy;
				if (blocked == null) {
					blocked = ConcurrentHashMap.newKeySet();
					this.blockedBy = blocked;
				}
			}
		}
		blocked.add(guardrail);
	}

	/**
	 * The guardrails that blocked it, forgotten so an override counts once per guardrail.
	 */
	Set<String> takeBlockedBy() {
		Set<String> blocked = this.blockedBy;
		if (blocked == null) {
			return Set.of();
		}
		Set<String> taken = Set.copyOf(blocked);
		blocked.removeAll(taken);
		return taken;
	}

	/** Whether this is the first {@code accepted}. */
	synchronized boolean accept() {
		boolean first = !this.accepted;
		this.accepted = true;
		return first;
	}

}
