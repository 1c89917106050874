package io.llmobs.budget;

/**
 * What a call over its budget does ({@code llmobs.budgets.mode}).
 */
public enum BudgetMode {

	/** The call goes on; it is counted and logged. */
	WARN,

	/**
	 * The call fails before the model is called, with {@link LlmBudgetExceededException}.
	 */
	BLOCK

}
