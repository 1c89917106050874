package io.llmobs.tool;

/**
 * What a failed tool call's span records as its exception: the class and stack trace of
 * the tool's exception without its message, which is tool output (Spring AI hands it to
 * the model as the result) and so stays off spans like all content unless content capture
 * is on.
 */
public final class ToolCallFailedException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param tool the tool's name
	 * @param failure what the tool threw
	 */
	public ToolCallFailedException(String tool, Throwable failure) {
		super("The tool '" + tool + "' failed with " + failure.getClass().getName());
		setStackTrace(failure.getStackTrace());
	}

}
