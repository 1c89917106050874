package io.llmobs.budget;

import java.util.Locale;

/**
 * What a budget limits: the calls of one tenant or of one stage.
 *
 * @param kind tenant or stage
 * @param name the bounded tenant or stage tag value
 */
record BudgetScope(Kind kind, String name) {

	/**
	 * The key of the scope's spend in the daily spend store.
	 * @return the key
	 */
	String spendKey() {
		return "budget:" + this.kind.tagValue() + ":" + this.name;
	}

	@Override
	public String toString() {
		return this.kind.tagValue() + " '" + this.name + "'";
	}

	/** The kinds of scope, the values of the {@code scope} tag. */
	enum Kind {

		TENANT, STAGE;

		String tagValue() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
