package io.llmobs.redact;

/**
 * A piece of personal or secret data found in a text.
 *
 * @param type the entity type, such as {@code email}, see {@link PiiTypes}
 * @param start index of its first character
 * @param end index after its last character
 */
public record PiiEntity(String type, int start, int end) {

	/**
	 * The number of characters.
	 * @return {@code end - start}
	 */
	public int length() {
		return this.end - this.start;
	}

}
