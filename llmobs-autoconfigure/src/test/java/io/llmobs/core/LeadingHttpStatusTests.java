package io.llmobs.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status of Spring AI's errors, as its error handlers of both lines write it.
 */
class LeadingHttpStatusTests {

	@Test
	void statusLeadsTheMessageOfSpringAisErrorHandler() {
		assertThat(LeadingHttpStatus.of("429 - {\"error\":{\"message\":\"Rate limit\"}}")).isEqualTo(429);
	}

	@Test
	void statusAfterHttpLeadsTheMessageOfSpringAi11sRetryErrorHandler() {
		assertThat(LeadingHttpStatus.of("HTTP 503 - {\"error\":{\"message\":\"Overloaded\"}}")).isEqualTo(503);
	}

	@Test
	void otherMessagesHaveNoStatus() {
		assertThat(LeadingHttpStatus.of(null)).isZero();
		assertThat(LeadingHttpStatus.of("HTTP")).isZero();
		assertThat(LeadingHttpStatus.of("HTTP 50")).isZero();
		assertThat(LeadingHttpStatus.of("Connection refused")).isZero();
		assertThat(LeadingHttpStatus.of("abc - def")).isZero();
	}

}
