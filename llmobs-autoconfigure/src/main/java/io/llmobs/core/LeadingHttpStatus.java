package io.llmobs.core;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP status that leads the message of Spring AI's errors: its response error
 * handler raises {@code TransientAiException} and {@code NonTransientAiException} with
 * {@code "NNN - <body>"}, which is the only place their status can be read.
 */
public final class LeadingHttpStatus {

	private LeadingHttpStatus() {
	}

	/**
	 * The status a message starts with.
	 * @param message an exception's message
	 * @return the status, or {@code 0} when the message does not start with one followed
	 * by {@code " - "}
	 */
	public static int of(@Nullable String message) {
		if (message != null && message.length() > 3 && message.startsWith(" - ", 3)) {
			try {
				return Integer.parseInt(message, 0, 3, 10);
			}
			catch (NumberFormatException ex) {
				// not the handler's message
			}
		}
		return 0;
	}

}
