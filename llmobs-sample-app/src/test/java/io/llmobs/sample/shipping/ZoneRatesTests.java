package io.llmobs.sample.shipping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate card the rate-lookup tool reads.
 */
class ZoneRatesTests {

	@Test
	void rateOfAServiceInAZone() {
		assertThat(ZoneRates.rate(5, " Express")).isEqualTo(new ZoneRates.Rate(45.00, 4.20));
	}

	@Test
	void unknownZoneOrServiceHasNoRate() {
		assertThat(ZoneRates.rate(6, "express")).isNull();
		assertThat(ZoneRates.rate(5, "overnight")).isNull();
	}

}
