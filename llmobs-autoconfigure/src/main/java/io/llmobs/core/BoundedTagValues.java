package io.llmobs.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Admits at most a fixed number of distinct values for one metric tag and folds every
 * later value into {@code other}, so a tag fed from application data cannot explode the
 * number of time series. Values it is told are {@linkplain #know known} are never folded
 * and do not count against the limit.
 * <p>
 * By default each instance admits its own first values. Once the fleet
 * {@linkplain #shareAdmission shares admission}, a new value is {@code other} until the
 * fleet's set, given by {@link #fleetAdmitted}, holds it: the request path never waits
 * for the fleet's store.
 */
public final class BoundedTagValues {

	/** The value that stands for every value past the limit. */
	public static final String OTHER = "other";

	/** The value of a tag that was not given. */
	public static final String NONE = "none";

	private static final int MAX_LENGTH = 64;

	private final int maxValues;

	private final Object lock = new Object();

	private volatile Set<String> admitted = ConcurrentHashMap.newKeySet();

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	private final Set<String> waiting = ConcurrentHashMap.newKeySet();

	private volatile boolean fleetAdmission;

	private volatile Runnable claimRequested = () -> {
	};

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
		if (this.fleetAdmission) {
			return awaitFleet(value);
		}
		synchronized (this.lock) {
			if (this.admitted.size() < this.maxValues) {
				this.admitted.add(value);
				return value;
			}
		}
		return this.admitted.contains(value) ? value : OTHER;
	}

	private String awaitFleet(String value) {
		if (this.admitted.size() < this.maxValues && this.waiting.size() < this.maxValues && this.waiting.add(value)) {
			this.claimRequested.run();
		}
		return OTHER;
	}

	/**
	 * Leaves the admission of new values to the fleet: from now on a value that is
	 * neither admitted nor known is {@code other} and waits until {@link #fleetAdmitted}
	 * lists it.
	 * @param claimRequested run on the caller's thread when a value starts waiting; it
	 * must not block, and only signals whoever claims values for the fleet
	 */
	public void shareAdmission(Runnable claimRequested) {
		this.claimRequested = claimRequested;
		this.fleetAdmission = true;
	}

	/**
	 * The values to claim for the fleet: those admitted here, then those waiting.
	 * @return the values, in that order
	 */
	public Set<String> claims() {
		Set<String> claims = new LinkedHashSet<>(this.admitted);
		claims.addAll(this.waiting);
		return claims;
	}

	/**
	 * Admits exactly the fleet's values from now on, each replica the same set, and
	 * leaves the admission of new ones to the fleet again.
	 * @param fleetValues the values the fleet admitted
	 * @param claimed the values claimed for that answer, which stop waiting
	 */
	public void fleetAdmitted(Collection<String> fleetValues, Collection<String> claimed) {
		Set<String> fleet = ConcurrentHashMap.newKeySet();
		fleet.addAll(fleetValues);
		synchronized (this.lock) {
			this.admitted = fleet;
			this.fleetAdmission = true;
		}
		this.waiting.removeAll(claimed);
	}

	/**
	 * Admits new values on this instance alone, as without a fleet, up to the limit and
	 * after the fleet's values last given, while the fleet's store cannot answer.
	 */
	public void admitLocally() {
		this.fleetAdmission = false;
		this.waiting.clear();
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
