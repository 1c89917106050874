package io.llmobs.budget;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The daily budget of one scope and what is known of its spend: the last total read from
 * the spend store, plus what this instance added since.
 */
final class ScopeBudget {

	private final BudgetScope scope;

	private final String spendKey;

	private final double limitUsd;

	private final AtomicLong warnLoggedDay = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong limitLoggedDay = new AtomicLong(Long.MIN_VALUE);

	private volatile long day;

	private volatile double spentUsd;

	ScopeBudget(BudgetScope scope, double limitUsd) {
		this.scope = scope;
		this.spendKey = scope.spendKey();
		this.limitUsd = limitUsd;
	}

	BudgetScope scope() {
		return this.scope;
	}

	String spendKey() {
		return this.spendKey;
	}

	double limitUsd() {
		return this.limitUsd;
	}

	/** Remembers today's spend as read from the store. */
	void spent(long epochDay, double usd) {
		this.day = epochDay;
		this.spentUsd = usd;
	}

	/** Today's spend as last known, zero on a later day. */
	double spentUsd(long epochDay) {
		return (this.day == epochDay) ? this.spentUsd : 0;
	}

	/**
	 * The spend as a share of the limit, for the gauge.
	 * @param epochDay today
	 * @return spend over limit
	 */
	double utilization(long epochDay) {
		return spentUsd(epochDay) / this.limitUsd;
	}

	/** Whether the warning of the warn ratio is still to be logged today, and now is. */
	boolean firstWarnToday(long epochDay) {
		return firstToday(this.warnLoggedDay, epochDay);
	}

	/** Whether the warning of the limit is still to be logged today, and now is. */
	boolean firstLimitToday(long epochDay) {
		return firstToday(this.limitLoggedDay, epochDay);
	}

	private static boolean firstToday(AtomicLong logged, long epochDay) {
		long previous = logged.get();
		return previous != epochDay && logged.compareAndSet(previous, epochDay);
	}

}
