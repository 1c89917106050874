package io.llmobs.judge;

/**
 * The errors of the Anthropic SDK, which Spring AI 1.1's Anthropic client does not use:
 * its errors are Spring AI's own exceptions, whose status {@link ServingErrors} reads
 * from their message. No error is one of them on this line.
 */
final class AnthropicErrors {

	private AnthropicErrors() {
	}

	static boolean is(Throwable error) {
		return false;
	}

	static int status(Throwable error) {
		return 0;
	}

}
