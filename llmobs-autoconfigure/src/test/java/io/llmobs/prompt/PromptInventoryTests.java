package io.llmobs.prompt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.llmobs.core.InstrumentationErrors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.template.st.StTemplateRenderer;

import static org.assertj.core.api.Assertions.assertThat;

class PromptInventoryTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private final PromptRegistry registry = new PromptRegistry(Map.of("answer", "Answer."), NOW,
			StTemplateRenderer.builder().build(), new PromptRenders(10),
			new InstrumentationErrors(new SimpleMeterRegistry()));

	@Test
	void listsEachIdentityOnceWithItsFirstSightAndCountsThoseBeyondTheBound() {
		Clock later = Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC);
		PromptInventory inventory = new PromptInventory(this.registry, later, 2);
		PromptIdentity first = new PromptIdentity(null, null, "aaaaaaaaaaaa");
		inventory.seen(first);
		inventory.seen(new PromptIdentity(null, null, "aaaaaaaaaaaa"));
		inventory.seen(new PromptIdentity("triage", "v1", "bbbbbbbbbbbb"));
		inventory.seen(new PromptIdentity(null, null, "cccccccccccc"));
		inventory.seen(first);
		PromptInventory.Snapshot snapshot = inventory.snapshot();
		assertThat(snapshot.registry())
			.containsExactly(new PromptInventory.Registered("answer", PromptVersions.version("Answer."), NOW));
		assertThat(snapshot.calls()).extracting(PromptInventory.Seen::hash)
			.containsExactlyInAnyOrder("aaaaaaaaaaaa", "bbbbbbbbbbbb");
		assertThat(snapshot.calls()).allSatisfy((seen) -> assertThat(seen.firstSeen()).isEqualTo(later.instant()));
		assertThat(snapshot.unlisted()).isOne();
	}

}
