package io.llmobs.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Admits at most a fixed number of distinct values for one metric tag and folds every
 * later value into {@code other}, so a tag fed from application data cannot explode the
 * number of time series. Values it is told are {@linkplain #know known} are never folded
 * and do not count against the limit.
 */
public final class BoundedTagValues {

	/** The value that stands for every value past the limit. */
	public static final String OTHER = "other";

	/** The value of a tag that was not given. */
	public static final String NONE = "none";

	private static final int MAX_LENGTH = 64;

	private final int maxValues;

	private final Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a bounded set of tag values.
	 * @param maxValues the number of distinct values admitted before folding into
	 * {@code other}
	 */
	public BoundedTagValues(int maxValues) {
		this.maxValues = maxValues;
	}

	/**
	 * The tag value to use for a raw value.
	 * @param value the raw value
	 * @return the value itself while admitted, {@value #NONE} for a blank value, else
	 * {@value #OTHER}
	 */
	public String bound(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return NONE;
		}
		if (this.admitted.contains(value) || this.known.contains(value)) {
			return value;
		}
		if (value.length() > MAX_LENGTH) {
			return OTHER;
		}
		synchronized (this.admitted) {
			if (this.admitted.size() < this.maxValues) {
				this.admitted.add(value);
				return value;
			}
		}
		return this.admitted.contains(value) ? value : OTHER;
	}

	/**
	 * Makes values known: each is its own tag value from now on, whatever the limit.
	 * @param values the values, such as the tenants named in the configuration
	 */
	public void know(Iterable<String> values) {
		values.forEach(this.known::add);
	}

	/**
	 * The number of distinct values admitted before folding into {@code other}.
	 * @return the limit
	 */
	public int maxValues() {
		return this.maxValues;
	}

	/**
	 * How many distinct values were admitted so far.
	 * @return the number of admitted values
	 */
	public int size() {
		return this.admitted.size();
	}

}
