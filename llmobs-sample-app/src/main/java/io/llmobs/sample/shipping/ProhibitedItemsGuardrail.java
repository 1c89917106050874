package io.llmobs.sample.shipping;

import java.util.Locale;
import java.util.regex.Pattern;

import io.llmobs.feedback.GuardrailVerdict;
import io.llmobs.feedback.Guardrails;

import org.springframework.stereotype.Component;

/**
 * Refuses to quote items the rate card does not accept (cash, weapons, perishable food,
 * liquids), before any tokens are spent on the quote, and reports every verdict to llmobs
 * ({@code llmobs_guardrail_total}); feedback that overrides a refusal counts as a false
 * positive.
 */
@Component
public final class ProhibitedItemsGuardrail {

	/** The guardrail's name, its tag value. */
	public static final String NAME = "prohibited_items";

	private static final Pattern PROHIBITED = Pattern
		.compile("\\b(cash|weapons?|guns?|perishable|fresh food|liquids?)\\b");

	private final Guardrails guardrails;

	/**
	 * Creates the guardrail.
	 * @param guardrails where verdicts are reported
	 */
	public ProhibitedItemsGuardrail(Guardrails guardrails) {
		this.guardrails = guardrails;
	}

	/**
	 * Checks a request.
	 * @param question the customer's question
	 * @return {@code true} when it may be quoted
	 */
	public boolean allows(String question) {
		boolean allowed = !PROHIBITED.matcher(question.toLowerCase(Locale.ROOT)).find();
		this.guardrails.record(NAME, allowed ? GuardrailVerdict.ALLOW : GuardrailVerdict.BLOCK);
		return allowed;
	}

}
