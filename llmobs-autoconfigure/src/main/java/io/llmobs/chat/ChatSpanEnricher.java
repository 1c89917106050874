package io.llmobs.chat;

import java.util.List;
import java.util.StringJoiner;

import io.llmobs.core.CallAttribution;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SpanAttributeWriter;
import io.llmobs.core.SpanPresence;
import io.llmobs.cost.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Adds llmobs attributes to Spring AI's own chat spans when they stop: provider, usage
 * (cache and reasoning included), normalized finish reasons, stage, tenant, agent
 * iteration and cost on model calls; stage and tenant on {@code ChatClient} calls. Ours
 * go straight onto the span ({@link SpanAttributeWriter}); those that replace a value of
 * Spring AI's convention are high-cardinality key values, so Spring AI's metrics keep
 * their tags. With Micrometer Tracing on the class path, observations without a span are
 * left alone.
 */
final class ChatSpanEnricher implements ObservationFilter {

	private final ModelCallAccounting accounting;

	private final InstrumentationErrors errors;

	/**
	 * Creates the filter.
	 * @param accounting the model-call accounting shared with the metrics
	 * @param errors where failures inside llmobs are reported
	 */
	ChatSpanEnricher(ModelCallAccounting accounting, InstrumentationErrors errors) {
		this.accounting = accounting;
		this.errors = errors.register(ChatComponents.SPANS);
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		this.errors.run(ChatComponents.SPANS, this, context, ChatSpanEnricher::enrich);
		return context;
	}

	private void enrich(Observation.Context context) {
		if (!SpanPresence.hasSpan(context)) {
			return;
		}
		if (context instanceof ChatModelObservationContext modelContext) {
			enrich(modelContext, this.accounting.account(modelContext));
		}
		else if (context instanceof ChatClientObservationContext) {
			ChatCall call = context.get(ChatCall.class);
			if (call != null) {
				attribution(context, call.attribution());
			}
		}
	}

	private static void enrich(Observation.Context context, ModelCall call) {
		replace(context, ChatSpanAttributes.PROVIDER_NAME, call.provider());
		attribution(context, call.attribution());
		SpanAttributeWriter.set(context, ChatSpanAttributes.AGENT_ITERATION, call.scope().iteration());
		if (call.usageReported()) {
			TokenUsage usage = call.usage();
			// Spring AI's convention sets the usage attributes from the same usage; input
			// differs where the provider reports cache tokens beside it, and is then
			// replaced by the normalized count.
			boolean inputNormalized = ProviderNames.reportsCacheOutsideInput(call.provider());
			tokens(context, ChatSpanAttributes.USAGE_INPUT_TOKENS, usage.input(), true, inputNormalized);
			tokens(context, ChatSpanAttributes.USAGE_OUTPUT_TOKENS, usage.output(), true, false);
			tokens(context, ChatSpanAttributes.USAGE_CACHE_READ_INPUT_TOKENS, usage.cacheRead(), false, false);
			tokens(context, ChatSpanAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS, usage.cacheWrite(), false, false);
			tokens(context, ChatSpanAttributes.USAGE_REASONING_OUTPUT_TOKENS, usage.reasoning(), false, false);
		}
		List<FinishReason> reasons = call.finishReasons();
		if (!reasons.isEmpty()) {
			replace(context, ChatSpanAttributes.RESPONSE_FINISH_REASONS, format(reasons));
		}
		Double cost = call.costUsd();
		if (cost != null) {
			SpanAttributeWriter.set(context, ChatSpanAttributes.COST_USD, cost);
		}
	}

	/**
	 * Formats the reasons as Spring AI does ({@code ["stop", "length"]}), with normalized
	 * values.
	 */
	private static String format(List<FinishReason> reasons) {
		if (reasons.size() == 1) {
			return reasons.get(0).jsonArray();
		}
		StringJoiner joiner = new StringJoiner(", ", "[", "]");
		reasons.forEach((reason) -> joiner.add("\"" + reason.value() + "\""));
		return joiner.toString();
	}

	private static void attribution(Observation.Context context, CallAttribution attribution) {
		SpanAttributeWriter.set(context, ChatSpanAttributes.STAGE, attribution.stage());
		SpanAttributeWriter.set(context, ChatSpanAttributes.TENANT, attribution.tenant());
	}

	/**
	 * Replaces an attribute of Spring AI's convention: a key value, which the tracer
	 * writes over the convention's; none when the convention's value is the same.
	 */
	private static void replace(Observation.Context context, String key, String value) {
		KeyValue present = context.getHighCardinalityKeyValue(key);
		if (present == null) {
			present = context.getLowCardinalityKeyValue(key);
		}
		if (present == null || !present.getValue().equals(value)) {
			context.addHighCardinalityKeyValue(KeyValue.of(key, value));
		}
	}

	/**
	 * Sets a token count unless already there: zero counts only when {@code evenZero},
	 * present ones on {@code replace}.
	 */
	private static void tokens(Observation.Context context, String key, long count, boolean evenZero, boolean replace) {
		if (!evenZero && count <= 0) {
			return;
		}
		if (replace) {
			replace(context, key, Long.toString(count));
		}
		else if (context.getHighCardinalityKeyValue(key) == null) {
			SpanAttributeWriter.set(context, key, count);
		}
	}

}
