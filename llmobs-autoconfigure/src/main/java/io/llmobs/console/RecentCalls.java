package io.llmobs.console;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed ring of the latest calls: adding one is an increment and a store, older calls
 * are overwritten, so its memory is bounded by its capacity.
 */
final class RecentCalls {

	private final AtomicReferenceArray<RecentCall> slots;

	private final AtomicLong added = new AtomicLong();

	RecentCalls(int capacity) {
		this.slots = new AtomicReferenceArray<>(capacity);
	}

	void add(RecentCall call) {
		long index = this.added.getAndIncrement();
		this.slots.setRelease((int) (index % this.slots.length()), call);
	}

	/**
	 * The calls kept, newest first; a call being added while they are read may be missing
	 * or be read in its slot's previous call's place.
	 */
	List<RecentCall> newestFirst() {
		long end = this.added.get();
		int capacity = this.slots.length();
		int size = (int) Math.min(end, capacity);
		List<RecentCall> calls = new ArrayList<>(size);
		for (long index = end - 1; index >= end - size; index--) {
			RecentCall call = this.slots.getAcquire((int) (index % capacity));
			if (call != null) {
				calls.add(call);
			}
		}
		return calls;
	}

}
