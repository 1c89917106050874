package io.llmobs.judge;

/**
 * Thrown when a judge's reply holds no verdict that the rubric's format can read.
 */
public class UnparseableVerdictException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what was wrong
	 */
	public UnparseableVerdictException(String message) {
		super(message);
	}

}
