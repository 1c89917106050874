package io.llmobs.test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How tests check that an invalid property fails start-up with a message that names it.
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * Runs the application with the property and asserts that start-up failed with the
	 * name in what the user reads ({@link #messages(Throwable)}).
	 * @param runner the application
	 * @param property the invalid property, {@code name=value}
	 * @param expectedName what the message must contain
	 */
	public static void assertNames(ApplicationContextRunner runner, String property, String expectedName) {
		runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).as(property).contains(expectedName);
		});
	}

	/**
	 * What the user reads of a failed start-up: the messages of the failure and its
	 * causes, then the description of the failure that Spring Boot prints (the first
	 * failure analyzer's).
	 * @param failure the start-up failure
	 * @return the messages and the description
	 */
	public static String messages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable current = failure; current != null; current = current.getCause()) {
			messages.append(current.getMessage()).append('\n');
		}
		return messages.append(description(failure)).toString();
	}

	private static String description(Throwable failure) {
		// Analyzers that need the application's bean factory or environment are left out:
		// none describes ours.
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis.getDescription();
			}
		}
		return "";
	}

}
