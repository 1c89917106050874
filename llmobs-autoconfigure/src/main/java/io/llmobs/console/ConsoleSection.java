package io.llmobs.console;

import java.util.function.Supplier;

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

	/**
	 * A section of the given name whose data the supplier reads at each request.
	 * @param name the section's name
	 * @param data reads the section's current data
	 * @return the section
	 */
	static ConsoleSection of(String name, Supplier<?> data) {
		return new ConsoleSection() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Object data() {
				return data.get();
			}

		};
	}

}
