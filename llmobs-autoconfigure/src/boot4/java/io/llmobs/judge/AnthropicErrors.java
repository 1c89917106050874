package io.llmobs.judge;

import com.anthropic.errors.AnthropicServiceException;

/**
 * The errors of the Anthropic SDK, which Spring AI 2's Anthropic client raises; kept
 * apart so that the SDK is loaded only when it is present.
 */
final class AnthropicErrors {

	private AnthropicErrors() {
	}

	static boolean is(Throwable error) {
		return error instanceof AnthropicServiceException;
	}

	static int status(Throwable error) {
		return ((AnthropicServiceException) error).statusCode();
	}

}
