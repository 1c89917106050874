package io.llmobs.chat;

import java.util.List;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import io.llmobs.cost.TokenPrices;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

class ChatSpanEnricherTests {

	private final InstrumentationErrors errors = new InstrumentationErrors(new SimpleMeterRegistry());

	private final ChatSpanEnricher enricher = new ChatSpanEnricher(new ModelCallAccounting(
			new ModelCatalog(null, null,
					List.of(new ModelEntry("claude", "anthropic", ModelEntry.pattern("claude-.*"),
							new TokenPrices(3.0, 15.0, 0.30, 3.75), List.of(), 200_000))),
			new BoundedTagValues(10), new CallAttributionResolver("default", new BoundedTagValues(10),
					new BoundedTagValues(10), null, this.errors),
			new CallPromptLookup(false), new ProviderNames(() -> false)), this.errors);

	@Test
	void anthropicInputTokensAreReplacedByTheNormalizedCountOthersKept() {
		ChatModelObservationContext context = anthropicCall();
		context.put(TracingObservationHandler.TracingContext.class, new TracingObservationHandler.TracingContext());
		// as Spring AI's convention sets them: Anthropic's input_tokens leave out the
		// cache tokens
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.usage.input_tokens", "100"));
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.usage.cache_read.input_tokens", "2000"));
		this.enricher.map(context);
		assertThat(value(context, "gen_ai.usage.input_tokens")).isEqualTo("2400");
		assertThat(value(context, "gen_ai.usage.cache_read.input_tokens")).isEqualTo("2000");
		assertThat(value(context, "gen_ai.usage.cache_creation.input_tokens")).isEqualTo("300");
		assertThat(value(context, "gen_ai.usage.output_tokens")).isEqualTo("50");
		assertThat(value(context, "gen_ai.provider.name")).isEqualTo("anthropic");
		assertThat(value(context, "gen_ai.response.finish_reasons")).isEqualTo("[\"stop\"]");
		assertThat(Double.parseDouble(value(context, "llmobs.cost.usd")))
			.isEqualTo((100 * 3.0 + 2_000 * 0.30 + 300 * 3.75 + 50 * 15.0) / 1e6);
	}

	@Test
	void observationWithoutASpanIsLeftAlone() {
		ChatModelObservationContext context = anthropicCall();
		this.enricher.map(context);
		assertThat(context.getHighCardinalityKeyValues()).isEmpty();
	}

	private static ChatModelObservationContext anthropicCall() {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(new Prompt("hi", ChatOptions.builder().model("claude-sonnet-4-5").build()))
			.provider("anthropic")
			.build();
		context.setResponse(new ChatResponse(
				List.of(new Generation(new AssistantMessage("hello"),
						ChatGenerationMetadata.builder().finishReason("end_turn").build())),
				ChatResponseMetadata.builder()
					.model("claude-sonnet-4-5-20250929")
					.usage(new DefaultUsage(100, 50, 150, null, 2_000L, 300L))
					.build()));
		return context;
	}

	private static String value(ChatModelObservationContext context, String key) {
		KeyValue keyValue = context.getHighCardinalityKeyValue(key);
		return (keyValue != null) ? keyValue.getValue() : null;
	}

}
