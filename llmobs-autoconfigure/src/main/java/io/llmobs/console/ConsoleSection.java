package io.llmobs.console;

/**
 * A section that another feature adds to the console's data (budgets, conversations); the
 * page shows it as tables under its name.
 */
public interface ConsoleSection {

	/**
	 * The section's name, its key in {@link ConsoleSnapshot#sections()}.
	 * @return the name
	 */
	String name();

	/**
	 * The section's current data, read on the page's request thread.
	 * @return maps, lists, records and numbers that serialize to JSON
	 */
	Object data();

}
