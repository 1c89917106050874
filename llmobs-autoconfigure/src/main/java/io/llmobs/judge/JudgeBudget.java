package io.llmobs.judge;

import io.llmobs.core.DailySpend;

/**
 * The judge's daily spending limit in USD, per UTC day: what the judge's own calls cost,
 * as the cost meter prices them, kept in a {@link DailySpend} (this instance's, or the
 * fleet's with {@code llmobs.shared-state.store=redis}).
 */
final class JudgeBudget {

	private static final String KEY = "judge";

	private final double dailyLimitUsd;

	private final DailySpend spend;

	/**
	 * Creates a budget.
	 * @param dailyLimitUsd USD the judge may spend per UTC day
	 * @param spend where the judge's spend per UTC day is kept
	 */
	JudgeBudget(double dailyLimitUsd, DailySpend spend) {
		this.dailyLimitUsd = dailyLimitUsd;
		this.spend = spend;
	}

	/**
	 * Whether today's budget is spent.
	 * @return true when the judge spent its daily limit today
	 */
	boolean exhausted() {
		return spentTodayUsd() >= this.dailyLimitUsd;
	}

	/**
	 * Adds the cost of a judge call to today's spending.
	 * @param usd the call's cost
	 */
	void charge(double usd) {
		this.spend.add(KEY, usd);
	}

	/**
	 * Today's spending.
	 * @return USD spent since the start of the UTC day
	 */
	double spentTodayUsd() {
		return this.spend.spentToday(KEY)[0];
	}

	/**
	 * The daily limit.
	 * @return USD per UTC day
	 */
	double dailyLimitUsd() {
		return this.dailyLimitUsd;
	}

}
