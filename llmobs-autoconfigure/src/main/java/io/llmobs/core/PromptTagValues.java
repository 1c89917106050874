package io.llmobs.core;

import org.jspecify.annotations.Nullable;

/**
 * Admits at most a fixed number of distinct prompt name and version pairs as metric tags
 * and folds every later pair into {@link CallPrompt#OTHER}, as {@link BoundedTagValues}
 * does for a single tag. Its presence switches the prompt tags of the chat and judge
 * meters on.
 */
public final class PromptTagValues {

	private final BoundedTagValues pairs;

	/**
	 * Creates the bounded pairs.
	 * @param maxValues the number of distinct name and version pairs admitted before
	 * folding into {@code other}
	 */
	public PromptTagValues(int maxValues) {
		this.pairs = new BoundedTagValues(maxValues);
	}

	/**
	 * The tag values of a call's prompt.
	 * @param name the prompt's name, or {@code null} when the call names none
	 * @param version the prompt's version, or {@code null}
	 * @return the pair while admitted, {@link CallPrompt#NONE} without a name, else
	 * {@link CallPrompt#OTHER}
	 */
	public CallPrompt bound(@Nullable String name, @Nullable String version) {
		if (name == null || name.isBlank()) {
			return CallPrompt.NONE;
		}
		String boundedVersion = (version != null && !version.isBlank()) ? version : BoundedTagValues.NONE;
		// Names and versions are identifiers: a NUL inside one could at worst let two
		// pairs share a slot, and no key equals other or none.
		String key = name + '\u0000' + boundedVersion;
		return key.equals(this.pairs.bound(key)) ? new CallPrompt(name, boundedVersion) : CallPrompt.OTHER;
	}

	/**
	 * The bounded values behind the pairs, each a name and a version joined by a NUL,
	 * such as for the shared state to admit them for the fleet.
	 * @return the values
	 */
	public BoundedTagValues values() {
		return this.pairs;
	}

	/**
	 * The number of distinct pairs admitted before folding into {@code other}.
	 * @return the limit
	 */
	public int maxValues() {
		return this.pairs.maxValues();
	}

	/**
	 * How many distinct pairs were admitted so far.
	 * @return the number of admitted pairs
	 */
	public int size() {
		return this.pairs.size();
	}

}
