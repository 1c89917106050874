package io.llmobs.budget;

import java.util.Locale;

/**
 * Thrown before the model is called when {@code llmobs.budgets.mode} is {@code block} and
 * the call's tenant or stage has spent its daily budget (UTC day). The message names the
 * scope, the limit and the spend; an application maps it to its own answer, such as HTTP
 * 429.
 */
public class LlmBudgetExceededException extends RuntimeException {

	private final String scope;

	private final String name;

	private final double limitUsd;

	private final double spentUsd;

	/**
	 * Creates the exception.
	 * @param scope {@code tenant} or {@code stage}
	 * @param name the tenant or stage
	 * @param limitUsd the daily budget in USD
	 * @param spentUsd what the scope spent today in USD
	 */
	public LlmBudgetExceededException(String scope, String name, double limitUsd, double spentUsd) {
		super(String.format(Locale.ROOT,
				"Call not sent: %s '%s' spent %.4f USD today (UTC), its daily budget is %.4f USD", scope, name,
				spentUsd, limitUsd));
		this.scope = scope;
		this.name = name;
		this.limitUsd = limitUsd;
		this.spentUsd = spentUsd;
	}

	/**
	 * The kind of budget that refused the call.
	 * @return {@code tenant} or {@code stage}
	 */
	public String getScope() {
		return this.scope;
	}

	/**
	 * The tenant or stage whose budget is spent.
	 * @return its name, as its tag value
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The daily budget.
	 * @return USD per UTC day
	 */
	public double getLimitUsd() {
		return this.limitUsd;
	}

	/**
	 * What the scope spent today.
	 * @return USD spent since midnight UTC
	 */
	public double getSpentUsd() {
		return this.spentUsd;
	}

}
