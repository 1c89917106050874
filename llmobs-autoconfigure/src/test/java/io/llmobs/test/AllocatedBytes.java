package io.llmobs.test;

import java.lang.management.ManagementFactory;

/**
 * The bytes a piece of request-path code allocates on the calling thread, for tests that
 * keep it from allocating again: run after a warm-up, the same number of times before and
 * after a change, so the figure is exact.
 */
public final class AllocatedBytes {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private AllocatedBytes() {
	}

	/**
	 * Runs an action a number of times and tells what it allocated on this thread.
	 * @param times how often to run it
	 * @param action the code under test
	 * @return bytes allocated per run, on average
	 */
	public static long perRun(int times, Runnable action) {
		action.run();
		long before = THREADS.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < times; i++) {
			action.run();
		}
		return (THREADS.getCurrentThreadAllocatedBytes() - before) / times;
	}

}
