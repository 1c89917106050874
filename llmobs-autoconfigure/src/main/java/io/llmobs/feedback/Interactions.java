package io.llmobs.feedback;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.llmobs.core.ObservationAncestry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The recent interactions by id (response ids and trace ids), in a cache bounded in size
 * and age; an id that fell out is unknown to feedback.
 */
public final class Interactions {

	private final Cache<String, Interaction> byId;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param maxSize ids kept at most
	 * @param expireAfterWrite how long an id is kept after its call
	 * @param clock the clock of start times and of expiry
	 */
	Interactions(long maxSize, Duration expireAfterWrite, Clock clock) {
		// Every traced call writes here: the cache's upkeep (eviction, expiry) runs on
		// the writing thread, in small amortized steps, instead of waking a common-pool
		// thread once per call.
		this.byId = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(maxSize)
			.expireAfterWrite(expireAfterWrite)
			.ticker(clock::monotonicTime)
			.build();
		this.clock = clock;
	}

	/**
	 * The interaction of an observation: the enclosing one, else the one of its trace,
	 * else a new one.
	 * @param context the observation, or {@code null} when there is none
	 * @return the interaction
	 */
	Interaction of(Observation.@Nullable ContextView context) {
		Interaction enclosing = ObservationAncestry.find(context, Interaction.class);
		if (enclosing != null) {
			return enclosing;
		}
		String traceId = TraceIds.of(context);
		if (traceId == null) {
			return new Interaction(this.clock.monotonicTime());
		}
		// A look-up, and an insert only for a trace not seen yet: Caffeine's get(key,
		// mapping) reserves the key in its map and builds a compute context on every
		// call, whether the trace is known or not.
		Interaction known = this.byId.getIfPresent(traceId);
		if (known != null) {
			return known;
		}
		Interaction created = new Interaction(this.clock.monotonicTime());
		Interaction raced = this.byId.asMap().putIfAbsent(traceId, created);
		return (raced != null) ? raced : created;
	}

	/** Lets feedback on the id reach the interaction. */
	void register(String id, Interaction interaction) {
		this.byId.put(id, interaction);
	}

	@Nullable Interaction find(String id) {
		return this.byId.getIfPresent(id);
	}

	long monotonicTime() {
		return this.clock.monotonicTime();
	}

	/**
	 * The number of ids kept, for the endpoint.
	 * @return an estimate of the ids kept
	 */
	public long size() {
		return this.byId.estimatedSize();
	}

}
