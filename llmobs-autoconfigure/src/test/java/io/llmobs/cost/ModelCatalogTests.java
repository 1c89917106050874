package io.llmobs.cost;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogTests {

	private final ModelCatalog catalog = new ModelCatalog("2026-01-01", "test",
			List.of(new ModelEntry("gpt-4o-mini", "openai", ModelEntry.pattern("gpt-4o-mini(-\\d{4}-\\d{2}-\\d{2})?"),
					new TokenPrices(0.15, 0.60, 0.075, null), List.of(), 128_000),
					new ModelEntry("gpt-4o", "openai", ModelEntry.pattern("gpt-4o(-\\d{4}-\\d{2}-\\d{2})?"),
							new TokenPrices(2.50, 10.0, 1.25, null), List.of(), 128_000)));

	@Test
	void findsDatedSnapshotsByTheirFamily() {
		assertThat(this.catalog.find("gpt-4o-2024-08-06")).map(ModelEntry::key).hasValue("gpt-4o");
		assertThat(this.catalog.find("gpt-4o-mini-2024-07-18")).map(ModelEntry::key).hasValue("gpt-4o-mini");
		assertThat(this.catalog.find("llama-unknown")).isEmpty();
	}

	@Test
	void triesTheResponseModelBeforeTheRequestModel() {
		assertThat(this.catalog.find("gpt-4o-2024-08-06", "gpt-4o-mini")).map(ModelEntry::key).hasValue("gpt-4o");
		assertThat(this.catalog.find("my-proxy-alias", "gpt-4o-mini")).map(ModelEntry::key).hasValue("gpt-4o-mini");
		assertThat(this.catalog.find(null, null)).isEmpty();
	}

	@Test
	void overrideChangesOnlyTheGivenValuesOfTheEntryWithItsKey() {
		ModelCatalog overridden = this.catalog
			.withOverrides(List.of(new ModelOverride("gpt-4o", null, 2.0, null, null, null, 64_000)));
		ModelEntry entry = overridden.find("gpt-4o-2024-08-06").orElseThrow();
		assertThat(entry.prices()).isEqualTo(new TokenPrices(2.0, 10.0, 1.25, null));
		assertThat(entry.contextWindow()).isEqualTo(64_000);
		assertThat(overridden.getEntries()).hasSize(2);
	}

	@Test
	void applicationEntriesComeFirstAndAddModels() {
		ModelCatalog overridden = this.catalog.withOverrides(
				List.of(new ModelOverride("finetune", "ft:gpt-4o-mini:acme:.*", 0.30, 1.20, null, null, null)));
		assertThat(overridden.find("ft:gpt-4o-mini:acme:v2")).map(ModelEntry::key).hasValue("finetune");
		assertThat(overridden.getEntries().get(0).key()).isEqualTo("finetune");
		assertThat(overridden.getDate()).isEqualTo("2026-01-01");
	}

	@Test
	void applicationEntryWithoutPricesIsUnpriced() {
		ModelCatalog overridden = this.catalog
			.withOverrides(List.of(new ModelOverride("local", "local-.*", null, null, null, null, 8_192)));
		ModelEntry entry = overridden.find("local-7b").orElseThrow();
		assertThat(entry.prices()).isNull();
		assertThat(entry.contextWindow()).isEqualTo(8_192);
	}

	@Test
	void alsoMatchAddsIdsToAnEntryAndKeepsItsPattern() {
		ModelCatalog overridden = this.catalog.withOverrides(
				List.of(new ModelOverride("gpt-4o", null, null, null, null, null, null, "prod-chat|staging-chat")));
		assertThat(overridden.find("prod-chat")).map(ModelEntry::key).hasValue("gpt-4o");
		assertThat(overridden.find("gpt-4o-2024-08-06")).map(ModelEntry::key).hasValue("gpt-4o");
		assertThat(overridden.find("prod-chat").orElseThrow().prices())
			.isEqualTo(new TokenPrices(2.50, 10.0, 1.25, null));
	}

	@Test
	void vertexResourceNamesAndVersionedIdsFindTheEntryOfTheirModel() {
		assertThat(this.catalog.find("projects/acme/locations/us-central1/publishers/openai/models/gpt-4o"))
			.map(ModelEntry::key)
			.hasValue("gpt-4o");
		assertThat(this.catalog.find("publishers/openai/models/gpt-4o-mini")).map(ModelEntry::key)
			.hasValue("gpt-4o-mini");
		assertThat(this.catalog.find("gpt-4o-mini@001")).map(ModelEntry::key).hasValue("gpt-4o-mini");
		assertThat(this.catalog.find("publishers/acme/models/llama-unknown")).isEmpty();
	}

}
