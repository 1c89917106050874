package io.llmobs.sample.shipping;

import java.util.concurrent.atomic.AtomicLong;

import io.llmobs.sample.SampleProperties;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/**
 * Looks a rate up in the rate card, as a remote pricing service would. It fails on
 * purpose for the share of calls set by {@code sample.shipping.rate-lookup-failure-rate},
 * spread evenly over the calls, so that llmobs' circuit breaker opens and the agent
 * answers in degraded mode.
 */
@Component
public final class RateLookupTool {

	/** The tool's name, as the model calls it and as llmobs tags it. */
	public static final String NAME = "lookup_rate";

	private final double failureRate;

	private final AtomicLong calls = new AtomicLong();

	/**
	 * Creates the tool.
	 * @param properties the sample settings, for the failure rate
	 */
	public RateLookupTool(SampleProperties properties) {
		this.failureRate = properties.shipping().rateLookupFailureRate();
	}

	/**
	 * The rate of a service to a destination.
	 * @param destination the city or country
	 * @param service the service level
	 * @return the zone and the rate as JSON
	 */
	@Tool(name = NAME, description = "Looks up the current rate of a service level to a destination: the zone, the "
			+ "base price per parcel and the price per kg, in EUR")
	public String lookupRate(
			@ToolParam(description = "The destination city or country, e.g. Berlin") String destination,
			@ToolParam(description = "The service level: standard, express or economy") String service) {
		long call = this.calls.getAndIncrement();
		if (Math.floor((call + 1) * this.failureRate) > Math.floor(call * this.failureRate)) {
			throw new IllegalStateException("Rate service unavailable (simulated failure)");
		}
		Integer zone = ZoneRates.zoneOf(destination);
		if (zone == null) {
			return "{\"error\":\"The rate card has no zone for " + destination.replace("\"", "") + "\"}";
		}
		ZoneRates.Rate rate = ZoneRates.rate(zone, service);
		if (rate == null) {
			return "{\"error\":\"Unknown service level; use standard, express or economy\"}";
		}
		return "{\"zone\":" + zone + ",\"service\":\"" + service + "\",\"base\":" + rate.base() + ",\"perKg\":"
				+ rate.perKg() + ",\"currency\":\"EUR\"}";
	}

}
