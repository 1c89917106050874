package io.llmobs.core;

/**
 * USD spent per UTC day under a key (a budget's scope, the judge), kept by this instance
 * or shared by every replica of the application ({@code llmobs.shared-state.store}). A
 * day's spend starts at zero at midnight UTC.
 */
public interface DailySpend {

	/**
	 * Adds to today's spend under a key; called after the cost is known, never waits for
	 * a remote store.
	 * @param key the key, such as {@code budget:tenant:acme}
	 * @param usd the cost to add
	 */
	void add(String key, double usd);

	/**
	 * Today's spend under each key, read together (one round trip for a remote store).
	 * @param keys the keys
	 * @return USD spent today, in the order of the keys
	 */
	double[] spentToday(String... keys);

}
