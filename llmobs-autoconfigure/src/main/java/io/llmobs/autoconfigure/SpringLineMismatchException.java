package io.llmobs.autoconfigure;

/**
 * The application runs another Spring Boot or Spring AI line than the one llmobs was
 * built for; says what to do instead.
 */
final class SpringLineMismatchException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String description;

	private final String action;

	SpringLineMismatchException(String description, String action) {
		super(description + ": " + action);
		this.description = description;
		this.action = action;
	}

	String getDescription() {
		return this.description;
	}

	String getAction() {
		return this.action;
	}

}
