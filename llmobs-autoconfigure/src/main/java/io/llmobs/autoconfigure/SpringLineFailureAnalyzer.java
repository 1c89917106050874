package io.llmobs.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link SpringLineMismatchException} as Spring Boot reports a failed start-up:
 * what llmobs is built for against what the application runs, and the starter to use.
 */
final class SpringLineFailureAnalyzer extends AbstractFailureAnalyzer<SpringLineMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SpringLineMismatchException cause) {
		String action = cause.getAction();
		return new FailureAnalysis(cause.getDescription() + ".",
				Character.toUpperCase(action.charAt(0)) + action.substring(1), cause);
	}

}
