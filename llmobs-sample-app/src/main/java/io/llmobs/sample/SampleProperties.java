package io.llmobs.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sample application, under {@code sample.*} ({@code llmobs.*} belongs to the library, which rejects
 * unknown keys).
 *
 * @param traffic the built-in traffic generator
 * @param simulator the built-in OpenAI-compatible simulator
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue Traffic traffic, @DefaultValue Simulator simulator) {

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
	 * @param latencyScale factor applied to the simulated latencies (20-150 ms before the first token); 0 answers at
	 * once
	 */
	public record Simulator(@DefaultValue("1.0") double latencyScale) {
	}

}
