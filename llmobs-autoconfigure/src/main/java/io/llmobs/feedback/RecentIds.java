package io.llmobs.feedback;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The interactions of the ids written last: at most a number of them, the oldest written
 * going first, each for a time after it was written. Every traced call writes one or two
 * ids, so a write costs one small object and a map entry, with no upkeep tasks: a general
 * cache made four more objects per write and kept 16 B more per id.
 */
final class RecentIds {

	/**
	 * Slots of the write order made at a time, so a large maximum costs nothing upfront.
	 */
	private static final int CHUNK = 1024;

	private final ConcurrentHashMap<String, Written> byId = new ConcurrentHashMap<>();

	/** The ids in the order written, a ring of {@code capacity} slots. */
	private final AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable Written>> order;

	private final long capacity;

	private final AtomicLong writes = new AtomicLong();

	private final long expireAfterWriteNanos;

	private final Clock clock;

	/**
	 * Creates the store.
	 * @param maxSize ids kept at most (beyond {@code Integer.MAX_VALUE} no heap could
	 * keep them anyway)
	 * @param expireAfterWrite how long an id is kept after it was written
	 * @param clock the clock of the write times
	 */
	RecentIds(long maxSize, Duration expireAfterWrite, Clock clock) {
		this.capacity = Math.min(maxSize, Integer.MAX_VALUE);
		this.order = new AtomicReferenceArray<>((int) ((this.capacity + CHUNK - 1) / CHUNK));
		this.expireAfterWriteNanos = expireAfterWrite.toNanos();
		this.clock = clock;
	}

	/**
	 * The interaction of an id that is kept.
	 * @param id the id
	 * @return its interaction, or {@code null} when the id is unknown, fell out or
	 * expired
	 */
	@Nullable Interaction get(String id) {
		Written written = this.byId.get(id);
		if (written == null) {
			return null;
		}
		if (isExpired(written, this.clock.monotonicTime())) {
			this.byId.remove(id, written);
			return null;
		}
		return written.interaction;
	}

	/** Keeps an id, in place of what it had. */
	void put(String id, Interaction interaction) {
		Written written = new Written(id, interaction, this.clock.monotonicTime());
		this.byId.put(id, written);
		keep(written);
	}

	/**
	 * Keeps an id unless it is kept already.
	 * @return the interaction the id has now
	 */
	Interaction putIfAbsent(String id, Interaction interaction) {
		Written written = new Written(id, interaction, this.clock.monotonicTime());
		while (true) {
			Written present = this.byId.putIfAbsent(id, written);
			if (present == null) {
				keep(written);
				return interaction;
			}
			if (!isExpired(present, written.nanos)) {
				return present.interaction;
			}
			if (this.byId.replace(id, present, written)) {
				keep(written);
				return interaction;
			}
		}
	}

	/**
	 * The number of ids kept, expired ones included until they are read or written over.
	 * @return the ids kept
	 */
	long size() {
		return this.byId.mappingCount();
	}

	/**
	 * Puts a write in the next slot of the ring, and forgets the id written there before.
	 */
	private void keep(Written written) {
		long slot = this.writes.getAndIncrement() % this.capacity;
		Written overwritten = chunk((int) (slot / CHUNK)).getAndSet((int) (slot % CHUNK), written);
		if (overwritten != null) {
			// Only if the id was not written again since.
			this.byId.remove(overwritten.id, overwritten);
		}
	}

	private AtomicReferenceArray<@Nullable Written> chunk(int index) {
		AtomicReferenceArray<@Nullable Written> chunk = this.order.get(index);
		if (chunk == null) {
			this.order.compareAndSet(index, null, new AtomicReferenceArray<>(CHUNK));
			chunk = this.order.get(index);
		}
		return chunk;
	}

	private boolean isExpired(Written written, long now) {
		return now - written.nanos >= this.expireAfterWriteNanos;
	}

	/** One write of an id. */
	private record Written(String id, Interaction interaction, long nanos) {
	}

}
