package io.llmobs.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * The time limit of the judgement running on the current thread. At the limit the judge
 * abandons its model call: it cancels what the judge model's HTTP client registered with
 * {@link #onExpiry(Runnable)} and interrupts the judge's thread, so that the judge's slot
 * is free for the next judgement instead of waiting for a late answer.
 */
public final class JudgementDeadline {

	private static final ThreadLocal<JudgementDeadline> CURRENT = new ThreadLocal<>();

	private final Thread worker;

	private final List<Runnable> cancellations = new ArrayList<>(1);

	private boolean settled;

	private boolean expired;

	private JudgementDeadline(Thread worker) {
		this.worker = worker;
	}

	/**
	 * Registers how to cancel a request that the current thread is about to send, when
	 * that thread runs a judgement: the request is cancelled when the judgement runs out
	 * of time, at once when it already has. On any other thread (the application's calls)
	 * nothing happens.
	 * @param cancellation cancels the request; called on another thread, once at most
	 */
	public static void onExpiry(Runnable cancellation) {
		JudgementDeadline deadline = CURRENT.get();
		if (deadline != null && !deadline.register(cancellation)) {
			cancellation.run();
		}
	}

	/**
	 * Starts the deadline of a judgement on the current thread, until {@link #meet()}.
	 */
	static JudgementDeadline start() {
		JudgementDeadline deadline = new JudgementDeadline(Thread.currentThread());
		CURRENT.set(deadline);
		return deadline;
	}

	/**
	 * Called by the alarm: abandons the judgement's requests and interrupts its thread,
	 * unless it has ended.
	 */
	void expire() {
		List<Runnable> pending;
		synchronized (this) {
			if (this.settled) {
				return;
			}
			this.settled = true;
			this.expired = true;
			pending = List.copyOf(this.cancellations);
			this.cancellations.clear();
			// interrupted first, so that a client's retry back-off after the cancellation
			// ends at once
			this.worker.interrupt();
		}
		pending.forEach(Runnable::run);
	}

	/**
	 * Ends the deadline on the judge's thread; clears the alarm's interrupt.
	 * @return false when the judgement had run out of time
	 */
	boolean meet() {
		CURRENT.remove();
		synchronized (this) {
			this.settled = true;
			this.cancellations.clear();
			if (this.expired) {
				Thread.interrupted();
			}
			return !this.expired;
		}
	}

	private synchronized boolean register(Runnable cancellation) {
		if (this.expired) {
			return false;
		}
		this.cancellations.add(cancellation);
		return true;
	}

}
