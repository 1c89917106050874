package io.llmobs.tool;

/**
 * The cause of the {@code ToolExecutionException} with which a tool whose circuit breaker is open is refused;
 * Spring AI sends its message, the degraded-mode message, to the model as the tool's result.
 */
public class ToolUnavailableException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message the message for the model
	 */
	public ToolUnavailableException(String message) {
		super(message);
	}

}
