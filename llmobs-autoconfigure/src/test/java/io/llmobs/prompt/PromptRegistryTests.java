package io.llmobs.prompt;

import java.time.Instant;
import java.util.Map;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.template.st.StTemplateRenderer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PromptRegistryTests {

	private static final Instant LOADED = Instant.parse("2026-11-23T10:00:00Z");

	private static final String ANSWER = "You are the quoting assistant of {carrier}.\nAnswer in EUR.\n";

	private final PromptRenders renders = new PromptRenders(100);

	@Test
	void versionsAreStableAcrossLineEndingsAndChangedByAnyRealEdit() {
		String lf = registry(Map.of("answer", ANSWER)).get("answer").version();
		assertThat(registry(Map.of("answer", ANSWER.replace("\n", "\r\n"))).get("answer").version()).isEqualTo(lf);
		assertThat(registry(Map.of("answer", ANSWER.replace("EUR", "USD"))).get("answer").version()).isNotEqualTo(lf);
		assertThat(lf).isEqualTo(PromptVersions.version(ANSWER));
	}

	@Test
	void promptsCarryTheirNameVersionAndFirstSeenTime() {
		RegisteredPrompt answer = registry(Map.of("answer", ANSWER)).get("answer");
		assertThat(answer.name()).isEqualTo("answer");
		assertThat(answer.firstSeen()).isEqualTo(LOADED);
		assertThat(answer.params()).containsExactlyInAnyOrderEntriesOf(
				Map.of(LlmObsParams.PROMPT_NAME, "answer", LlmObsParams.PROMPT_VERSION, answer.version()));
		assertThat(answer).hasToString("answer@" + answer.version());
	}

	@Test
	void rendersOfItsTemplatesAreTiedBackToThePrompt() {
		RegisteredPrompt answer = registry(Map.of("answer", ANSWER)).get("answer");
		String rendered = answer.template().render(Map.of("carrier", "Parcelo"));
		assertThat(rendered).startsWith("You are the quoting assistant of Parcelo.");
		RenderedTemplate source = this.renders.find(rendered);
		assertThat(source).isNotNull();
		assertThat(source.prompt()).isSameAs(answer);
		assertThat(source.templateHash()).isEqualTo(answer.version());
		assertThat(this.renders.find(new String(rendered))).as("found by identity only").isNull();
	}

	@Test
	void unknownNameFailsListingTheKnownOnes() {
		PromptRegistry registry = registry(Map.of("answer", ANSWER, "classify", "Classify."));
		assertThat(registry.find("summary")).isEmpty();
		assertThat(registry.names()).containsExactly("answer", "classify");
		assertThat(registry.findByText("Classify.")).isSameAs(registry.get("classify"));
		assertThatIllegalArgumentException().isThrownBy(() -> registry.get("summary"))
			.withMessageContaining("'summary'")
			.withMessageContaining("[answer, classify]");
	}

	private PromptRegistry registry(Map<String, String> templates) {
		return new PromptRegistry(templates, LOADED, StTemplateRenderer.builder().build(), this.renders,
				new InstrumentationErrors(new SimpleMeterRegistry()));
	}

}
