package io.llmobs.feedback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.ObservationAncestry;
import io.llmobs.core.SharedValues;
import io.micrometer.core.instrument.Clock;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * The recent interactions by id (response ids and trace ids), bounded in number and age
 * ({@link RecentIds}); an id that fell out is unknown to feedback. With shared values
 * (Redis), each id is also kept there with its stage and start, so that feedback sent to
 * another replica finds it.
 */
public final class Interactions {

	private static final String KEY_PREFIX = "feedback:";

	private final RecentIds byId;

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
		this.byId = new RecentIds(maxSize, expireAfterWrite, clock);
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
		Interaction enclosing = ObservationAncestry.find(context, ChatClientObservationContext.class,
				Interaction.class);
		if (enclosing != null) {
			return enclosing;
		}
		String traceId = TraceIds.of(context);
		if (traceId == null) {
			return new Interaction(this.clock.monotonicTime());
		}
		// A look-up, and an insert only for a trace not seen yet; the id hashed once.
		long hash = RecentIds.hash(traceId);
		Interaction known = this.byId.get(hash);
		return (known != null) ? known : this.byId.putIfAbsent(hash, new Interaction(this.clock.monotonicTime()));
	}

	/** Lets feedback on the id reach the interaction, on every replica when shared. */
	void register(String id, Interaction interaction) {
		register(id, RecentIds.hash(id), interaction);
	}

	/**
	 * Lets feedback on a trace id reach the interaction, unless the id leads to it
	 * already here: the trace id was registered when the call, or the call around it,
	 * started, so this writes only when it fell out or another replica's interaction was
	 * read for it.
	 */
	void registerTrace(String traceId, Interaction interaction) {
		long hash = RecentIds.hash(traceId);
		if (this.byId.get(hash) != interaction) {
			register(traceId, hash, interaction);
		}
	}

	private void register(String id, long hash, Interaction interaction) {
		this.byId.put(hash, interaction);
		SharedValues values = this.shared;
		if (values != null) {
			long startedWallMillis = this.clock.wallTime()
					- TimeUnit.NANOSECONDS.toMillis(this.clock.monotonicTime() - interaction.startNanos());
			values.put(KEY_PREFIX + id, startedWallMillis + ":" + interaction.stage(), this.expireAfterWrite);
		}
	}

	@Nullable Interaction find(String id) {
		long hash = RecentIds.hash(id);
		Interaction known = this.byId.get(hash);
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
		return this.byId.putIfAbsent(hash, elsewhere);
	}

	long monotonicTime() {
		return this.clock.monotonicTime();
	}

	/**
	 * The number of ids kept, for the endpoint.
	 * @return the ids kept
	 */
	public long size() {
		return this.byId.size();
	}

}
