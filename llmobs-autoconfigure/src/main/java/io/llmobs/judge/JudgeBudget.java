package io.llmobs.judge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The judge's daily spending limit in USD, per UTC day: what the judge's own calls cost,
 * as the cost meter prices them.
 */
final class JudgeBudget {

	private final double dailyLimitUsd;

	private final Clock clock;

	private LocalDate day;

	private double spentUsd;

	/**
	 * Creates a budget.
	 * @param dailyLimitUsd USD the judge may spend per UTC day
	 * @param clock the clock that tells the day
	 */
	JudgeBudget(double dailyLimitUsd, Clock clock) {
		this.dailyLimitUsd = dailyLimitUsd;
		this.clock = clock;
		this.day = today();
	}

	/**
	 * Whether today's budget is spent.
	 * @return true when the judge spent its daily limit today
	 */
	synchronized boolean exhausted() {
		roll();
		return this.spentUsd >= this.dailyLimitUsd;
	}

	/**
	 * Adds the cost of a judge call to today's spending.
	 * @param usd the call's cost
	 */
	synchronized void charge(double usd) {
		roll();
		this.spentUsd += usd;
	}

	/**
	 * Today's spending.
	 * @return USD spent since the start of the UTC day
	 */
	synchronized double spentTodayUsd() {
		roll();
		return this.spentUsd;
	}

	/**
	 * The daily limit.
	 * @return USD per UTC day
	 */
	double dailyLimitUsd() {
		return this.dailyLimitUsd;
	}

	private void roll() {
		LocalDate today = today();
		if (!today.equals(this.day)) {
			this.day = today;
			this.spentUsd = 0;
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
