package io.llmobs.core;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP status that leads the message of Spring AI's errors: its response error
 * handler raises {@code TransientAiException} and {@code NonTransientAiException} with
 * {@code "NNN - <body>"}, or {@code "HTTP NNN - <body>"} (the handler of Spring AI 1.1's
 * retry auto-configuration), which is the only place their status can be read.
 */
public final class LeadingHttpStatus {

	private static final String HTTP = "HTTP ";

	private LeadingHttpStatus() {
	}

	/**
	 * The status a message starts with.
	 * @param message an exception's message
	 * @return the status, or {@code 0} when the message does not start with one followed
	 * by {@code " - "}, after an optional {@code "HTTP "}
	 */
	public static int of(@Nullable String message) {
		int start = (message != null && message.startsWith(HTTP)) ? HTTP.length() : 0;
		if (message != null && message.length() > start + 3 && message.startsWith(" - ", start + 3)) {
			try {
				return Integer.parseInt(message, start, start + 3, 10);
			}
			catch (NumberFormatException ex) {
				// not the handler's message
			}
		}
		return 0;
	}

}
