package io.llmobs.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample application, under {@code sample.*} ({@code llmobs.*} belongs to
 * the library, which rejects unknown keys).
 *
 * @param traffic the built-in traffic generator
 * @param simulator the built-in OpenAI-compatible simulator
 * @param shipping the Shipping Cost Agent
 * @param provider whose Spring AI client the sample's models are called through, each on
 * its own wire of the simulator; {@code application.yml} turns it into
 * {@code spring.ai.model.chat}
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue Traffic traffic, @DefaultValue Simulator simulator,
		@DefaultValue Shipping shipping, @DefaultValue("openai") Provider provider) {

	/** The chat providers the simulator speaks the wire of. */
	public enum Provider {

		/** Spring AI's OpenAI client, on {@code /simulator/v1/chat/completions}. */
		OPENAI,

		/** Spring AI's Anthropic client, on {@code /simulator/v1/messages}. */
		ANTHROPIC,

		/** Spring AI's Ollama client, on {@code /simulator/api/chat}. */
		OLLAMA

	}

	/**
	 * The traffic generator that keeps every llmobs series populated.
	 *
	 * @param enabled whether questions are sent in the background
	 * @param interval the pause between two questions
	 */
	public record Traffic(@DefaultValue("false") boolean enabled, @DefaultValue("2s") Duration interval) {
	}

	/**
	 * The simulated model served under {@code /simulator/v1}.
	 *
	 * @param latencyScale factor applied to the simulated latencies (20-150 ms before the
	 * first token); 0 answers at once
	 */
	public record Simulator(@DefaultValue("1.0") double latencyScale) {
	}

	/**
	 * The Shipping Cost Agent.
	 *
	 * @param rateLookupFailureRate the share of rate lookups that fail on purpose, from 0
	 * to 1, spread evenly over the calls: above llmobs' failure-rate threshold the tool's
	 * circuit breaker opens
	 */
	public record Shipping(@DefaultValue("0") double rateLookupFailureRate) {

		public Shipping {
			if (!(rateLookupFailureRate >= 0 && rateLookupFailureRate <= 1)) {
				throw new IllegalArgumentException(
						"sample.shipping.rate-lookup-failure-rate must be between 0 and 1, not "
								+ rateLookupFailureRate);
			}
		}

	}

}
