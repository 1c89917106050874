package io.llmobs.benchmark;

import io.llmobs.chat.BoundedTagValues;
import io.llmobs.chat.BoundedTags;
import io.llmobs.chat.CallAttributionResolver;
import io.llmobs.chat.ChatCallRecorder;
import io.llmobs.chat.ChatClientMetricsHandler;
import io.llmobs.chat.ChatClientStreamAdvisor;
import io.llmobs.chat.ChatMeters;
import io.llmobs.chat.ChatModelMetricsHandler;
import io.llmobs.chat.ChatSpanEnricher;
import io.llmobs.chat.InstrumentationErrors;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalogReader;
import io.llmobs.cost.UnpricedModelWarnings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * Wires llmobs into plain registries the way {@code LlmObsChatAutoConfiguration} does.
 */
final class LlmObsWiring {

	private LlmObsWiring() {
	}

	/** Registers the llmobs handlers and filter; returns the stream advisor to add to the client. */
	static ChatClientStreamAdvisor instrument(ObservationRegistry observations, MeterRegistry meters) {
		InstrumentationErrors errors = new InstrumentationErrors(meters);
		BoundedTags tags = new BoundedTags(new BoundedTagValues(50), new BoundedTagValues(100),
				new BoundedTagValues(50), new BoundedTagValues(50));
		CallAttributionResolver resolver = new CallAttributionResolver("default", tags.stages(), tags.tenants(), null,
				errors);
		ModelCallAccounting accounting = new ModelCallAccounting(new ModelCatalogReader().readBundled(),
				tags.models(), resolver);
		ChatMeters chatMeters = new ChatMeters(meters);
		ChatCallRecorder recorder = new ChatCallRecorder(resolver, tags.models(), chatMeters, errors,
				meters.config().clock());
		observations.observationConfig()
			.observationHandler(new ChatModelMetricsHandler(accounting, chatMeters, new CostTotals(),
					new UnpricedModelWarnings(), errors))
			.observationHandler(new ChatClientMetricsHandler(recorder))
			.observationFilter(new ChatSpanEnricher(accounting, errors));
		return new ChatClientStreamAdvisor(recorder);
	}

}
