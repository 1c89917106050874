package io.llmobs.sample.shipping;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST entry point of the Shipping Cost Agent: {@code /api/quote}. */
@RestController
@RequestMapping("/api/quote")
public final class QuoteController {

	private final ShippingQuoteAgent agent;

	/**
	 * Creates the controller.
	 * @param agent the agent
	 */
	public QuoteController(ShippingQuoteAgent agent) {
		this.agent = agent;
	}

	/**
	 * Quotes a shipment.
	 * @param question the question, e.g. "What does express shipping of 5 kg to Hanoi
	 * cost?"
	 * @param tenant the customer's plan
	 * @return the quote
	 */
	@GetMapping
	public Quote quote(@RequestParam("q") String question,
			@RequestParam(name = "tenant", defaultValue = "acme") String tenant) {
		return this.agent.quote(question, tenant);
	}

}
