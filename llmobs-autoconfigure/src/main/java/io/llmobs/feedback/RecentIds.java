package io.llmobs.feedback;

import java.time.Duration;
import java.util.Arrays;

import io.micrometer.core.instrument.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The interactions of the ids written last: at most a number of them, the oldest written
 * going first, each for a time after it was written.
 *
 * <p>
 * Every traced call writes one or two ids, and at a high call rate the last
 * {@code max-size} of them are always younger than the last young collection, so whatever
 * a write keeps alive is copied by every collection. A write therefore keeps only its
 * interaction: the ids are kept as 64-bit hashes in arrays, a ring of the writes in order
 * and an open-addressing index from hash to ring slot, so a write allocates nothing once
 * the arrays have grown, and keeps neither the id's string nor a map node. Two different
 * ids with the same hash would be taken for one; with 64 bits and at most a few million
 * ids kept, the odds are below one in a million million.
 *
 * <p>
 * Reads and writes take the store's lock for a few array accesses: ids are written once
 * or twice per model call, far below the rate at which the lock would be contended.
 */
final class RecentIds {

	/** Slots made at first; the arrays double up to the maximum as ids are written. */
	private static final int INITIAL_SLOTS = 64;

	/** The hash of no id, marking an empty slot or index entry. */
	private static final long EMPTY = 0;

	private final int capacity;

	private final long expireAfterWriteNanos;

	private final Clock clock;

	/** The hash of the id written in each ring slot, {@link #EMPTY} when forgotten. */
	private long[] ringIds;

	/** When each ring slot was written. */
	private long[] ringNanos;

	/** The interaction written in each ring slot. */
	private @Nullable Interaction[] ringInteractions;

	/** Writes so far: the next one goes to ring slot {@code writes % capacity}. */
	private long writes;

	/** Index from id hash to ring slot; a power of two in length, at most half full. */
	private long[] indexIds;

	private int[] indexSlots;

	private int size;

	/**
	 * Creates the store.
	 * @param maxSize ids kept at most (beyond {@code Integer.MAX_VALUE} no heap could
	 * keep them anyway)
	 * @param expireAfterWrite how long an id is kept after it was written
	 * @param clock the clock of the write times
	 */
	RecentIds(long maxSize, Duration expireAfterWrite, Clock clock) {
		this.capacity = (int) Math.min(maxSize, Integer.MAX_VALUE - 8);
		this.expireAfterWriteNanos = expireAfterWrite.toNanos();
		this.clock = clock;
		int slots = Math.min(INITIAL_SLOTS, this.capacity);
		this.ringIds = new long[slots];
		this.ringNanos = new long[slots];
		this.ringInteractions = new Interaction[slots];
		this.indexIds = new long[INITIAL_SLOTS * 2];
		this.indexSlots = new int[INITIAL_SLOTS * 2];
	}

	/**
	 * The interaction of an id that is kept, by the id's {@link #hash}.
	 * @param hash the id's hash
	 * @return its interaction, or {@code null} when the id is unknown, fell out or
	 * expired
	 */
	@Nullable Interaction get(long hash) {
		long now = this.clock.monotonicTime();
		synchronized (this) {
			int entry = find(hash);
			if (entry < 0) {
				return null;
			}
			int slot = this.indexSlots[entry];
			if (isExpired(slot, now)) {
				removeEntry(entry);
				forget(slot);
				return null;
			}
			return this.ringInteractions[slot];
		}
	}

	/** Keeps an id, by its {@link #hash}, in place of what it had. */
	void put(long hash, Interaction interaction) {
		long now = this.clock.monotonicTime();
		synchronized (this) {
			write(hash, interaction, now);
		}
	}

	/**
	 * Keeps an id, by its {@link #hash}, unless it is kept already.
	 * @return the interaction the id has now
	 */
	Interaction putIfAbsent(long hash, Interaction interaction) {
		long now = this.clock.monotonicTime();
		synchronized (this) {
			int entry = find(hash);
			if (entry >= 0) {
				int slot = this.indexSlots[entry];
				Interaction present = this.ringInteractions[slot];
				if (present != null && !isExpired(slot, now)) {
					return present;
				}
			}
			write(hash, interaction, now);
			return interaction;
		}
	}

	/**
	 * The number of ids kept, expired ones included until they are read or written over.
	 * @return the ids kept
	 */
	synchronized long size() {
		return this.size;
	}

	/**
	 * Writes an id in the next ring slot, forgetting the id written there before and the
	 * earlier write of this id, so that neither keeps its interaction alive.
	 */
	private void write(long hash, Interaction interaction, long now) {
		int slot = nextSlot();
		this.ringIds[slot] = hash;
		this.ringNanos[slot] = now;
		this.ringInteractions[slot] = interaction;
		int entry = find(hash);
		if (entry >= 0) {
			forget(this.indexSlots[entry]);
			this.indexSlots[entry] = slot;
		}
		else {
			insert(hash, slot);
		}
	}

	/** The ring slot of the next write, emptied of the id written there before. */
	private int nextSlot() {
		int slot = (int) (this.writes++ % this.capacity);
		if (slot >= this.ringIds.length) {
			growRing();
		}
		long overwritten = this.ringIds[slot];
		if (overwritten != EMPTY) {
			int entry = find(overwritten);
			// Only if the id was not written again since.
			if (entry >= 0 && this.indexSlots[entry] == slot) {
				removeEntry(entry);
			}
			forget(slot);
		}
		return slot;
	}

	private void forget(int slot) {
		this.ringIds[slot] = EMPTY;
		this.ringInteractions[slot] = null;
	}

	private void growRing() {
		int length = (int) Math.min((long) this.ringIds.length * 2, this.capacity);
		this.ringIds = Arrays.copyOf(this.ringIds, length);
		this.ringNanos = Arrays.copyOf(this.ringNanos, length);
		this.ringInteractions = Arrays.copyOf(this.ringInteractions, length);
	}

	private boolean isExpired(int slot, long now) {
		return now - this.ringNanos[slot] >= this.expireAfterWriteNanos;
	}

	/** The index entry of a hash, or -1. */
	private int find(long hash) {
		int mask = this.indexIds.length - 1;
		for (int entry = (int) hash & mask;; entry = (entry + 1) & mask) {
			long id = this.indexIds[entry];
			if (id == hash) {
				return entry;
			}
			if (id == EMPTY) {
				return -1;
			}
		}
	}

	private void insert(long hash, int slot) {
		if ((this.size + 1) * 2 > this.indexIds.length) {
			growIndex();
		}
		int mask = this.indexIds.length - 1;
		int entry = (int) hash & mask;
		while (this.indexIds[entry] != EMPTY) {
			entry = (entry + 1) & mask;
		}
		this.indexIds[entry] = hash;
		this.indexSlots[entry] = slot;
		this.size++;
	}

	private void growIndex() {
		long[] ids = this.indexIds;
		int[] slots = this.indexSlots;
		this.indexIds = new long[ids.length * 2];
		this.indexSlots = new int[ids.length * 2];
		this.size = 0;
		for (int entry = 0; entry < ids.length; entry++) {
			if (ids[entry] != EMPTY) {
				insert(ids[entry], slots[entry]);
			}
		}
	}

	/**
	 * Removes an index entry, moving back the entries after it that could not take their
	 * own place, so that every look-up still finds its entry before an empty one.
	 */
	private void removeEntry(int removed) {
		int mask = this.indexIds.length - 1;
		int hole = removed;
		for (int entry = (hole + 1) & mask; this.indexIds[entry] != EMPTY; entry = (entry + 1) & mask) {
			int home = (int) this.indexIds[entry] & mask;
			// The entry may fill the hole unless its home lies cyclically after the hole,
			// up to the entry itself.
			boolean homeAfterHole = (hole <= entry) ? (hole < home && home <= entry) : (hole < home || home <= entry);
			if (!homeAfterHole) {
				this.indexIds[hole] = this.indexIds[entry];
				this.indexSlots[hole] = this.indexSlots[entry];
				hole = entry;
			}
		}
		this.indexIds[hole] = EMPTY;
		this.size--;
	}

	/**
	 * A 64-bit hash of an id (FNV-1a over its characters, then MurmurHash3's finalizer so
	 * that the low bits of the index position depend on every character); never
	 * {@link #EMPTY}. Callers that look an id up and then write it hash it once.
	 */
	static long hash(String id) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < id.length(); i++) {
			hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return (hash != EMPTY) ? hash : 1;
	}

}
