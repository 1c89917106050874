package io.llmobs.context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens of each {@link ContextSection} of one prompt.
 */
public final class SectionTokens {

	private final long[] tokens;

	private SectionTokens(long[] tokens) {
		this.tokens = tokens;
	}

	/**
	 * The tokens of one section.
	 * @param section the section
	 * @return its tokens
	 */
	public long get(ContextSection section) {
		return this.tokens[section.ordinal()];
	}

	/**
	 * The tokens of all sections.
	 * @return the prompt's tokens
	 */
	public long total() {
		long total = 0;
		for (long count : this.tokens) {
			total += count;
		}
		return total;
	}

	/**
	 * The sections multiplied by a factor, rounded so that they add up to the rounded
	 * scaled total (largest remainders get the leftover tokens), so that rounding errors
	 * do not add up across sections.
	 * @param factor the factor
	 * @return the scaled sections
	 */
	SectionTokens scaled(double factor) {
		if (factor == 1.0) {
			return this;
		}
		long[] scaled = new long[this.tokens.length];
		double[] remainders = new double[this.tokens.length];
		long leftover = Math.round(total() * factor);
		for (int i = 0; i < scaled.length; i++) {
			double exact = this.tokens[i] * factor;
			scaled[i] = (long) Math.floor(exact);
			remainders[i] = exact - scaled[i];
			leftover -= scaled[i];
		}
		for (; leftover > 0; leftover--) {
			int largest = 0;
			for (int i = 1; i < remainders.length; i++) {
				if (remainders[i] > remainders[largest]) {
					largest = i;
				}
			}
			scaled[largest]++;
			remainders[largest] = -1;
		}
		return new SectionTokens(scaled);
	}

	/**
	 * The sections by tag value, in declaration order.
	 * @return a new map of section tag value to tokens
	 */
	public Map<String, Long> asMap() {
		Map<String, Long> map = new LinkedHashMap<>();
		for (ContextSection section : ContextSection.all()) {
			map.put(section.tagValue(), get(section));
		}
		return map;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (ContextSection section : ContextSection.all()) {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(section.tagValue()).append('=').append(get(section));
		}
		return text.toString();
	}

	/** Adds up the tokens of a prompt, section by section. */
	static final class Builder {

		private final long[] tokens = new long[ContextSection.all().length];

		void add(ContextSection section, long count) {
			this.tokens[section.ordinal()] += count;
		}

		/**
		 * Moves up to {@code count} tokens from one section to another, never below zero.
		 */
		void move(ContextSection from, ContextSection to, long count) {
			long moved = Math.min(count, this.tokens[from.ordinal()]);
			this.tokens[from.ordinal()] -= moved;
			this.tokens[to.ordinal()] += moved;
		}

		SectionTokens build() {
			return new SectionTokens(this.tokens);
		}

	}

}
