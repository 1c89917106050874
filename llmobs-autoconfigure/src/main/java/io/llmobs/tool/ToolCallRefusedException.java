package io.llmobs.tool;

/**
 * The cause of the {@code ToolExecutionException} with which llmobs refuses a tool call
 * (its circuit breaker is open, or the model repeats an identical call); Spring AI sends
 * its message to the model as the tool's result.
 */
public class ToolCallRefusedException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message the message for the model
	 */
	public ToolCallRefusedException(String message) {
		super(message);
	}

}
