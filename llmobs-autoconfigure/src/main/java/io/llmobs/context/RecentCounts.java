package io.llmobs.context;

import java.lang.ref.WeakReference;

import com.knuddels.jtokkit.api.EncodingType;

/**
 * The token counts of the objects looked up last, by identity: a small direct-mapped table in front of the
 * {@link TokenCounter}'s cache. A conversation's system prompt, tool definitions and history are the same objects call
 * after call and iteration after iteration, so most lookups end here, without hashing and comparing the text, reading
 * the clock or updating the cache's access order, which together cost more than the rest of the accounting.
 * <p>
 * A slot holds its object weakly, so the table keeps no text alive, and is overwritten by the next object that falls
 * into it; a miss falls back to the cache. Slots are read and written without synchronization: an entry is immutable
 * and matched by identity, so a thread sees a valid entry or none.
 */
final class RecentCounts {

	/** Slots of the table: a power of two, at most a few hundred kilobytes with every slot used. */
	static final int SLOTS = 4096;

	private final Entry[] slots = new Entry[SLOTS];

	/**
	 * The count of an object looked up before.
	 * @param object a text or an immutable tool definition
	 * @param encoding the encoding it was counted with
	 * @param form how it travels to the provider
	 * @return its tokens, or {@code -1} when its slot holds another object
	 */
	int get(Object object, EncodingType encoding, TokenCounter.Form form) {
		Entry entry = this.slots[slot(object)];
		if (entry != null && entry.refersTo(object) && entry.encoding == encoding && entry.form == form) {
			return entry.count;
		}
		return -1;
	}

	/**
	 * Remembers the count of an object in its slot, in place of the object there before.
	 * @param object a text or an immutable tool definition
	 * @param encoding the encoding it was counted with
	 * @param form how it travels to the provider
	 * @param count its tokens
	 */
	void put(Object object, EncodingType encoding, TokenCounter.Form form, int count) {
		this.slots[slot(object)] = new Entry(object, encoding, form, count);
	}

	private static int slot(Object object) {
		return System.identityHashCode(object) & (SLOTS - 1);
	}

	/** The count of one object, which it does not keep alive. */
	private static final class Entry extends WeakReference<Object> {

		private final EncodingType encoding;

		private final TokenCounter.Form form;

		private final int count;

		Entry(Object object, EncodingType encoding, TokenCounter.Form form, int count) {
			super(object);
			this.encoding = encoding;
			this.form = form;
			this.count = count;
		}

	}

}
