package io.llmobs.core;

import java.lang.ref.WeakReference;

import org.jspecify.annotations.Nullable;

/**
 * What was computed for the objects seen last, by identity: a small direct-mapped table
 * for work that depends only on an immutable object and is worth skipping when the same
 * object comes again. A chat client's default system text, Spring AI's tool definitions
 * and a chat memory's messages are the same objects from call to call, so their token
 * counts or PII findings are computed once, not on every call, without hashing or
 * comparing their text.
 * <p>
 * A slot holds its object weakly, so the table keeps no object alive, and is overwritten
 * by the next object that falls into it: a miss means computing again. Slots are read and
 * written without synchronization: an entry is immutable and matched by identity, so a
 * thread sees a valid entry or none.
 *
 * @param <V> what is remembered per object: immutable, and holding nothing that should
 * not outlive the object
 */
public final class RecentByIdentity<V> {

	private final Entry<V>[] slots;

	/**
	 * Creates a table.
	 * @param slots how many objects it remembers at most: a power of two
	 */
	@SuppressWarnings("unchecked")
	public RecentByIdentity(int slots) {
		if (slots <= 0 || Integer.bitCount(slots) != 1) {
			throw new IllegalArgumentException("slots must be a power of two, not " + slots);
		}
		this.slots = (Entry<V>[]) new Entry<?>[slots];
	}

	/**
	 * What was remembered for an object.
	 * @param object the object
	 * @return its value, or {@code null} when its slot holds another object
	 */
	public @Nullable V get(Object object) {
		Entry<V> entry = this.slots[slot(object)];
		return (entry != null && entry.refersTo(object)) ? entry.value : null;
	}

	/**
	 * Remembers a value for an object, in place of what its slot held before.
	 * @param object the object
	 * @param value its value
	 */
	public void put(Object object, V value) {
		this.slots[slot(object)] = new Entry<>(object, value);
	}

	private int slot(Object object) {
		return System.identityHashCode(object) & (this.slots.length - 1);
	}

	/** The value of one object, which it does not keep alive. */
	private static final class Entry<V> extends WeakReference<Object> {

		private final V value;

		Entry(Object object, V value) {
			super(object);
			this.value = value;
		}

	}

}
