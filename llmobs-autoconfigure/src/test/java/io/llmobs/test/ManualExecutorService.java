package io.llmobs.test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An executor service that only queues its tasks until the test runs them on its own
 * thread, so a test decides what background work has happened at each step instead of
 * waiting for it.
 */
public final class ManualExecutorService extends AbstractExecutorService {

	private final Deque<Runnable> tasks = new ArrayDeque<>();

	private boolean shutdown;

	@Override
	public synchronized void execute(Runnable command) {
		if (this.shutdown) {
			throw new RejectedExecutionException("shut down");
		}
		this.tasks.add(command);
	}

	/** How many tasks were submitted and not run yet. */
	public synchronized int queuedTasks() {
		return this.tasks.size();
	}

	/**
	 * Runs the queued tasks in submission order, and those they submit, until none is
	 * left.
	 */
	public void runQueuedTasks() {
		Runnable task;
		while ((task = poll()) != null) {
			task.run();
		}
	}

	private synchronized Runnable poll() {
		return this.tasks.poll();
	}

	@Override
	public synchronized void shutdown() {
		this.shutdown = true;
	}

	@Override
	public synchronized List<Runnable> shutdownNow() {
		this.shutdown = true;
		List<Runnable> notRun = new ArrayList<>(this.tasks);
		this.tasks.clear();
		return notRun;
	}

	@Override
	public synchronized boolean isShutdown() {
		return this.shutdown;
	}

	@Override
	public synchronized boolean isTerminated() {
		return this.shutdown;
	}

	@Override
	public boolean awaitTermination(long timeout, TimeUnit unit) {
		return true;
	}

}
