package io.llmobs.chat;

import java.util.List;
import java.util.StringJoiner;

import io.llmobs.core.CallAttribution;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.SpanAttributeKey;
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

	/**
	 * Spring AI's total of input and output tokens; not a name of the semantic
	 * conventions, so llmobs only keeps it consistent with the two.
	 */
	private static final String USAGE_TOTAL_TOKENS = "gen_ai.usage.total_tokens";

	private static final SpanAttributeKey PROVIDER_NAME = SpanAttributeKey.of(ChatSpanAttributes.PROVIDER_NAME);

	private static final SpanAttributeKey FINISH_REASONS = SpanAttributeKey
		.of(ChatSpanAttributes.RESPONSE_FINISH_REASONS);

	private static final SpanAttributeKey STAGE = SpanAttributeKey.of(ChatSpanAttributes.STAGE);

	private static final SpanAttributeKey TENANT = SpanAttributeKey.of(ChatSpanAttributes.TENANT);

	private static final SpanAttributeKey AGENT_ITERATION = SpanAttributeKey.of(ChatSpanAttributes.AGENT_ITERATION);

	static final SpanAttributeKey COST_USD = SpanAttributeKey.of(ChatSpanAttributes.COST_USD);

	private static final SpanAttributeKey USAGE_CACHE_READ_INPUT_TOKENS = SpanAttributeKey
		.of(ChatSpanAttributes.USAGE_CACHE_READ_INPUT_TOKENS);

	private static final SpanAttributeKey USAGE_CACHE_CREATION_INPUT_TOKENS = SpanAttributeKey
		.of(ChatSpanAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS);

	private static final SpanAttributeKey USAGE_REASONING_OUTPUT_TOKENS = SpanAttributeKey
		.of(ChatSpanAttributes.USAGE_REASONING_OUTPUT_TOKENS);

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
		// Every observation of the application ends through this filter: the type first.
		if ((context instanceof ChatModelObservationContext || context instanceof ChatClientObservationContext)
				&& SpanPresence.hasSpan(context)) {
			this.errors.run(ChatComponents.SPANS, this, context, ChatSpanEnricher::enrich);
		}
		return context;
	}

	private void enrich(Observation.Context context) {
		if (context instanceof ChatModelObservationContext modelContext) {
			if (!heldUntilStreamEnds(modelContext)) {
				enrich(modelContext, this.accounting.account(modelContext));
			}
		}
		else if (context instanceof ChatClientObservationContext) {
			ChatCall call = context.get(ChatCall.class);
			if (call != null) {
				attribution(context, call.attribution());
			}
		}
	}

	/**
	 * Holds back the end of a streamed model call's span that stops before the stream
	 * reached llmobs' advisor to its end (Spring AI hands the chunks on from another
	 * thread): the span ends once the stream did, with the usage of its last chunks.
	 */
	private boolean heldUntilStreamEnds(ChatModelObservationContext context) {
		ChatCall call = ChatModelContexts.isStreaming(context) ? ChatCalls.enclosing(context) : null;
		if (call == null || !call.streamOpen()) {
			return false;
		}
		SpanPresence.HeldSpanEnd end = SpanPresence.holdEnd(context);
		if (end == null) {
			return false;
		}
		if (call.atStreamEnd(() -> end.release(
				() -> this.errors.run(ChatComponents.SPANS, this, context, ChatSpanEnricher::enrichAtStreamEnd)))) {
			return true;
		}
		// the stream ended meanwhile: the span ends as usual
		end.release(() -> {
		});
		return false;
	}

	private void enrichAtStreamEnd(ChatModelObservationContext context) {
		enrich(context, this.accounting.reaccount(context));
	}

	private static void enrich(Observation.Context context, ModelCall call) {
		// neither Spring AI line's convention has it (both write gen_ai.system), so it
		// goes straight onto the span
		SpanAttributeWriter.replace(context, PROVIDER_NAME, call.provider());
		attribution(context, call.attribution());
		SpanAttributeWriter.set(context, AGENT_ITERATION, call.scope().iteration());
		if (call.usageReported()) {
			TokenUsage usage = call.usage();
			// Spring AI's convention sets input, output and total from the usage it saw;
			// each is replaced where llmobs counts otherwise (cache tokens reported
			// beside
			// the input, reasoning tokens beside the output, a stream's usage that its
			// aggregation dropped), so that the span does not contradict itself.
			replaceCount(context, ChatSpanAttributes.USAGE_INPUT_TOKENS, usage.input(), true);
			replaceCount(context, ChatSpanAttributes.USAGE_OUTPUT_TOKENS, usage.output(), true);
			replaceCount(context, USAGE_TOTAL_TOKENS, usage.input() + usage.output(), false);
			tokens(context, USAGE_CACHE_READ_INPUT_TOKENS, usage.cacheRead());
			tokens(context, USAGE_CACHE_CREATION_INPUT_TOKENS, usage.cacheWrite());
			tokens(context, USAGE_REASONING_OUTPUT_TOKENS, usage.reasoning());
		}
		List<FinishReason> reasons = call.finishReasons();
		if (!reasons.isEmpty()) {
			SpanAttributeWriter.replace(context, FINISH_REASONS, format(reasons));
		}
		Double cost = call.costUsd();
		if (cost != null) {
			SpanAttributeWriter.set(context, COST_USD, cost);
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
		SpanAttributeWriter.set(context, STAGE, attribution.stage());
		SpanAttributeWriter.set(context, TENANT, attribution.tenant());
	}

	/** Sets a token count that Spring AI's convention did not set, unless zero. */
	private static void tokens(Observation.Context context, SpanAttributeKey key, long count) {
		if (count > 0 && context.getHighCardinalityKeyValue(key.name()) == null) {
			SpanAttributeWriter.set(context, key, count);
		}
	}

	/**
	 * Replaces a token count of Spring AI's convention that differs from llmobs' count,
	 * comparing numbers so that a call whose counts agree allocates nothing; an absent
	 * one is set only when {@code evenAbsent}.
	 */
	private static void replaceCount(Observation.Context context, String key, long count, boolean evenAbsent) {
		KeyValue present = SpanAttributeWriter.keyValue(context, key);
		if ((present == null) ? evenAbsent : !isCount(present.getValue(), count)) {
			context.addHighCardinalityKeyValue(KeyValue.of(key, Long.toString(count)));
		}
	}

	private static boolean isCount(String value, long count) {
		try {
			return Long.parseLong(value) == count;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

}
