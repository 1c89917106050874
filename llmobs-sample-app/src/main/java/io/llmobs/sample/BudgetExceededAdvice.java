package io.llmobs.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.llmobs.budget.LlmBudgetExceededException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a call that llmobs refused because its tenant or stage spent its daily budget
 * with HTTP 429 and a {@code Retry-After} of the seconds left until the budget starts
 * again, at midnight UTC.
 */
@RestControllerAdvice
public final class BudgetExceededAdvice {

	@ExceptionHandler(LlmBudgetExceededException.class)
	ResponseEntity<ProblemDetail> budgetExceeded(LlmBudgetExceededException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setTitle("Daily budget spent");
		problem.setProperty("scope", ex.getScope());
		problem.setProperty("name", ex.getName());
		problem.setProperty("limitUsd", ex.getLimitUsd());
		problem.setProperty("spentUsd", ex.getSpentUsd());
		Instant now = Instant.now();
		Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Duration.between(now, midnight).toSeconds() + 1))
			.body(problem);
	}

}
