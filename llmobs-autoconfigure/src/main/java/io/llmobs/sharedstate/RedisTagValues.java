package io.llmobs.sharedstate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.llmobs.core.BoundedTagValues;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The admitted values of bounded tags, the same set on every replica: one Redis set per
 * tag, which a value joins only while it has fewer members than the tag's limit (a Lua
 * script, so that the check and the add are one atomic step). New values wait as
 * {@code other} on the request path and are claimed at once on a background thread; each
 * replica also claims its values and reads the fleet's set every sync interval. While
 * Redis cannot answer, each tag admits values on this instance alone, after the fleet's
 * values last read.
 */
public final class RedisTagValues implements AutoCloseable {

	/**
	 * Adds each value (ARGV 2..n) while the set has fewer members than ARGV 1, and
	 * answers the set.
	 */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = RedisScript.of("""
			local max = tonumber(ARGV[1])
			for i = 2, #ARGV do
			  if redis.call('SCARD', KEYS[1]) < max then
			    redis.call('SADD', KEYS[1], ARGV[i])
			  end
			end
			return redis.call('SMEMBERS', KEYS[1])
			""", List.class);

	/** Off the request path, so a sync may wait longer than a call would. */
	private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(2);

	private final Supplier<ReactiveStringRedisTemplate> redis;

	private final String prefix;

	private final RedisAvailability availability;

	private final Map<String, BoundedTagValues> tags;

	private final ScheduledExecutorService scheduler;

	private final AtomicBoolean claimScheduled = new AtomicBoolean();

	/**
	 * Creates the shared values of some tags; {@link #start} shares them.
	 * @param redis the application's Redis, asked for at the first sync
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 * @param availability whether Redis is worth asking
	 * @param tags the bounded values of each tag, by the tag's name
	 * @param scheduler where the syncs run; it is shut down with this
	 */
	public RedisTagValues(Supplier<ReactiveStringRedisTemplate> redis, String keyPrefix, RedisAvailability availability,
			Map<String, BoundedTagValues> tags, ScheduledExecutorService scheduler) {
		this.redis = redis;
		this.prefix = keyPrefix + "tags:";
		this.availability = availability;
		this.tags = Map.copyOf(tags);
		this.scheduler = scheduler;
	}

	/**
	 * Leaves the admission of new values to the fleet, reads the fleet's sets now and
	 * then every interval.
	 * @param syncInterval the time between the end of a sync and the start of the next
	 */
	public void start(Duration syncInterval) {
		this.tags.values().forEach((values) -> values.shareAdmission(this::claimSoon));
		this.scheduler.scheduleWithFixedDelay(this::sync, 0, syncInterval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void claimSoon() {
		if (this.claimScheduled.compareAndSet(false, true)) {
			try {
				this.scheduler.execute(this::sync);
			}
			catch (RejectedExecutionException ex) {
				// Shut down with the application: the values stay other.
			}
		}
	}

	/**
	 * Claims each tag's values for the fleet and admits the fleet's set, or, Redis
	 * failing, lets each tag admit values locally.
	 */
	void sync() {
		this.claimScheduled.set(false);
		if (!this.availability.usable()) {
			this.availability.fellBack();
			this.tags.values().forEach(BoundedTagValues::admitLocally);
			return;
		}
		try {
			this.tags.forEach(this::claim);
			this.availability.succeeded();
		}
		catch (RuntimeException ex) {
			this.availability.failed(ex);
			this.tags.values().forEach(BoundedTagValues::admitLocally);
		}
	}

	private void claim(String tag, BoundedTagValues values) {
		Set<String> claims = values.claims();
		List<String> args = new ArrayList<>(claims.size() + 1);
		args.add(Integer.toString(values.maxValues()));
		args.addAll(claims);
		List<String> fleet = new ArrayList<>();
		for (List<?> members : this.redis.get()
			.execute(CLAIM, List.of(this.prefix + tag), args)
			.timeout(SYNC_TIMEOUT)
			.toIterable()) {
			members.forEach((member) -> fleet.add(member.toString()));
		}
		values.fleetAdmitted(fleet, claims);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
