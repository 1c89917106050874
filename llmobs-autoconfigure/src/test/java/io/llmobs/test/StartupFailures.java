package io.llmobs.test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How tests check that an invalid property fails start-up with a message that names it.
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * Runs the application with the property and asserts that start-up failed with the name in the message of the
	 * failure or of one of its causes.
	 * @param runner the application
	 * @param property the invalid property, {@code name=value}
	 * @param expectedName what the message must contain
	 */
	public static void assertNames(ApplicationContextRunner runner, String property, String expectedName) {
		runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			StringBuilder messages = new StringBuilder();
			for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
				messages.append(failure.getMessage()).append('\n');
			}
			assertThat(messages).as(property).contains(expectedName);
		});
	}

}
