package io.llmobs.feedback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.llmobs.core.ObservationAncestry;
import io.llmobs.core.SharedValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The recent interactions by id (response ids and trace ids), in a cache bounded in size
 * and age; an id that fell out is unknown to feedback. With shared values (Redis), each
 * id is also kept there with its stage and start, so that feedback sent to another
 * replica finds it.
 */
public final class Interactions {

	private static final String KEY_PREFIX = "feedback:";

	private final Cache<String, Interaction> byId;

	private final Clock clock;

	private final Duration expireAfterWrite;

	private final @Nullable SharedValues shared;

	/**
	 * Creates the store.
	 * @param maxSize ids kept at most
	 * @param expireAfterWrite how long an id is kept after its call
	 * @param clock the clock of start times and of expiry
	 * @param shared where ids are kept for every replica too, or {@code null}
	 */
	Interactions(long maxSize, Duration expireAfterWrite, Clock clock, @Nullable SharedValues shared) {
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
		this.expireAfterWrite = expireAfterWrite;
		this.shared = shared;
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

	/** Lets feedback on the id reach the interaction, on every replica when shared. */
	void register(String id, Interaction interaction) {
		this.byId.put(id, interaction);
		SharedValues values = this.shared;
		if (values != null) {
			long startedWallMillis = this.clock.wallTime()
					- TimeUnit.NANOSECONDS.toMillis(this.clock.monotonicTime() - interaction.startNanos());
			values.put(KEY_PREFIX + id, startedWallMillis + ":" + interaction.stage(), this.expireAfterWrite);
		}
	}

	@Nullable Interaction find(String id) {
		Interaction known = this.byId.getIfPresent(id);
		SharedValues values = this.shared;
		if (known != null || values == null) {
			return known;
		}
		String served = values.get(KEY_PREFIX + id);
		if (served == null) {
			return null;
		}
		int colon = served.indexOf(':');
		long ageMillis = this.clock.wallTime() - Long.parseLong(served.substring(0, colon));
		Interaction elsewhere = new Interaction(this.clock.monotonicTime() - TimeUnit.MILLISECONDS.toNanos(ageMillis));
		elsewhere.stage(served.substring(colon + 1));
		Interaction raced = this.byId.asMap().putIfAbsent(id, elsewhere);
		return (raced != null) ? raced : elsewhere;
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
