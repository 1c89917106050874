package io.llmobs.sharedstate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.llmobs.core.BoundedTagValues;

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
	private static final String CLAIM = """
			local max = tonumber(ARGV[1])
			for i = 2, #ARGV do
			  if redis.call('SCARD', KEYS[1]) < max then
			    redis.call('SADD', KEYS[1], ARGV[i])
			  end
			end
			return redis.call('SMEMBERS', KEYS[1])
			""";

	/** Off the request path, so a sync may wait longer than a call would. */
	private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(2);

	private final SharedRedisCommands redis;

	private final String prefix;

	private final Map<String, BoundedTagValues> tags;

	private final ScheduledExecutorService scheduler;

	private final AtomicBoolean claimScheduled = new AtomicBoolean();

	/**
	 * Creates the shared values of some tags; {@link #start} shares them.
	 * @param redis the application's Redis, connected by the first sync at the latest
	 * @param keyPrefix the prefix of every key ({@code llmobs.shared-state.key-prefix})
	 * @param tags the bounded values of each tag, by the tag's name
	 * @param scheduler where the syncs run; it is shut down with this
	 */
	public RedisTagValues(SharedRedisCommands redis, String keyPrefix, Map<String, BoundedTagValues> tags,
			ScheduledExecutorService scheduler) {
		this.redis = redis;
		this.prefix = keyPrefix + "tags:";
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
		RedisClusterAsyncCommands<byte[], byte[]> commands = this.redis.connectedCommands();
		if (commands == null) {
			this.tags.values().forEach(BoundedTagValues::admitLocally);
			return;
		}
		try {
			String digest = commands.digest(CLAIM);
			this.tags.forEach((tag, values) -> claim(commands, digest, tag, values));
		}
		catch (RuntimeException ex) {
			this.redis.failed(ex);
			this.tags.values().forEach(BoundedTagValues::admitLocally);
		}
	}

	private void claim(RedisClusterAsyncCommands<byte[], byte[]> commands, String digest, String tag,
			BoundedTagValues values) {
		Set<String> claims = values.claims();
		byte[][] keys = { (this.prefix + tag).getBytes(StandardCharsets.UTF_8) };
		byte[][] args = new byte[claims.size() + 1][];
		args[0] = Integer.toString(values.maxValues()).getBytes(StandardCharsets.UTF_8);
		int i = 1;
		for (String claim : claims) {
			args[i++] = claim.getBytes(StandardCharsets.UTF_8);
		}
		List<?> members;
		try {
			members = this.redis.await(commands.evalsha(digest, ScriptOutputType.MULTI, keys, args), SYNC_TIMEOUT);
		}
		catch (IllegalStateException ex) {
			if (!(ex.getCause() instanceof RedisNoScriptException)) {
				throw ex;
			}
			members = this.redis.await(commands.eval(CLAIM, ScriptOutputType.MULTI, keys, args), SYNC_TIMEOUT);
		}
		List<String> fleet = new ArrayList<>(members.size());
		for (Object member : members) {
			fleet.add(new String((byte[]) member, StandardCharsets.UTF_8));
		}
		values.fleetAdmitted(fleet, claims);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
