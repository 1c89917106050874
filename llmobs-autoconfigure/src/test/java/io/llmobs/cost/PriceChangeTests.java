package io.llmobs.cost;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Prices announced ahead, applied from their UTC day on.
 */
class PriceChangeTests {

	private static final String CATALOG = """
			{"date": "2026-12-01", "models": [{"key": "acme-flash", "provider": "acme", "input-price": 0.75,
			  "output-price": 3.75, "cache-read-price": 0.075, "context-window": 1000000,
			  "price-changes": [
			    {"effective-from": "2027-02-01", "input-price": 2.0, "output-price": 10.0},
			    {"effective-from": "2027-01-01", "input-price": 1.5, "output-price": 7.5, "cache-read-price": 0.15,
			     "tiers": [{"above-input-tokens": 200000, "input-price": 3.0, "output-price": 15.0}]}
			  ]}]}
			""";

	private final SettableClock clock = new SettableClock(Instant.parse("2026-12-31T23:59:59Z"));

	private final ModelCatalog catalog = new ModelCatalog(read(CATALOG), List.of(), this.clock);

	@Test
	void pricesChangeAtMidnightUtcOfTheirDay() {
		assertThat(prices()).isEqualTo(new TokenPrices(0.75, 3.75, 0.075, null));
		this.clock.set(Instant.parse("2027-01-01T00:00:00Z"));
		assertThat(prices()).isEqualTo(new TokenPrices(1.5, 7.5, 0.15, null));
		assertThat(this.catalog.find("acme-flash").orElseThrow().tiers()).hasSize(1);
		this.clock.set(Instant.parse("2027-02-01T00:00:00Z"));
		assertThat(prices()).isEqualTo(new TokenPrices(2.0, 10.0, 0.075, null));
		assertThat(this.catalog.getEntries().get(0).tiers()).isEmpty();
	}

	@Test
	void anOverriddenPriceReplacesTheAnnouncedChanges() {
		ModelCatalog overridden = this.catalog
			.withOverrides(List.of(new ModelOverride("acme-flash", null, 0.5, null, null, null, null)));
		this.clock.set(Instant.parse("2027-03-01T00:00:00Z"));
		assertThat(overridden.find("acme-flash").orElseThrow().prices())
			.isEqualTo(new TokenPrices(0.5, 3.75, 0.075, null));
	}

	@Test
	void anOverrideOfTheWindowKeepsTheAnnouncedChanges() {
		ModelCatalog overridden = this.catalog
			.withOverrides(List.of(new ModelOverride("acme-flash", null, null, null, null, null, 500_000)));
		this.clock.set(Instant.parse("2027-01-01T00:00:00Z"));
		assertThat(overridden.find("acme-flash").orElseThrow().prices().input()).isEqualTo(1.5);
	}

	@Test
	void aChangeWithoutAValidDateIsInvalid() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> read("{\"models\": [{\"key\": \"acme\", \"input-price\": 1, \"output-price\": 1, "
					+ "\"price-changes\": [{\"effective-from\": \"next year\", \"input-price\": 2}]}]}"))
			.withMessageContaining("'acme'")
			.withMessageContaining("effective-from");
	}

	private TokenPrices prices() {
		return this.catalog.find("acme-flash").orElseThrow().prices();
	}

	private static CatalogContent read(String json) {
		return new ModelCatalogReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

	private static final class SettableClock extends Clock {

		private volatile Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		void set(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
