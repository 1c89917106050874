package io.llmobs.console;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the console page shows, read when it asks: the totals since start-up, the last
 * hour minute by minute, the meters' latest figures and the recent model calls.
 *
 * @param time when the snapshot was taken, epoch milliseconds
 * @param totals cost, calls and tokens since start-up
 * @param costPerMinuteUsd USD per minute over the last hour by stage, model and tenant
 * @param costPerSuccessfulTaskUsd mean USD of the task scopes that succeeded,
 * {@code null} before the first one
 * @param latency {@code ChatClient} call latency by model and stage
 * @param timeToFirstToken time to the first token of streams by model and stage
 * @param finishReasons model calls by finish reason ({@code length}: cut at the output
 * limit)
 * @param context the utilization lines drawn over the context bars
 * @param tools tool outcomes, breaker states and loop stops
 * @param judge scores over time, drift from the baseline and evaluations by outcome
 * @param piiEntities PII entities found in captured content, by type and direction
 * @param recentCalls the latest model calls, newest first
 * @param sections what other features add to the page (budgets, conversations), by name
 */
public record ConsoleSnapshot(long time, Totals totals, PerMinute costPerMinuteUsd,
		@Nullable Double costPerSuccessfulTaskUsd, List<Latency> latency, List<Latency> timeToFirstToken,
		Map<String, Long> finishReasons, ContextLimits context, Tools tools, Judge judge,
		Map<String, Map<String, Long>> piiEntities, List<Call> recentCalls, Map<String, Object> sections) {

	/**
	 * Totals since start-up; the cost figures are those of {@code /actuator/llmobs}.
	 *
	 * @param costUsd USD of all model calls
	 * @param byModelUsd USD by model tag value
	 * @param byStageUsd USD by stage tag value
	 * @param calls {@code ChatClient} calls
	 * @param tokens tokens by type ({@code input}, {@code output}, ...)
	 */
	public record Totals(double costUsd, Map<String, Double> byModelUsd, Map<String, Double> byStageUsd, long calls,
			Map<String, Long> tokens) {

	}

	/**
	 * Values per minute, oldest first.
	 *
	 * @param minutes the start of each minute, epoch milliseconds; the last one is the
	 * current, partial minute
	 * @param series by group (a tag name), by tag value: one value per minute,
	 * {@code null} where there is none
	 */
	public record PerMinute(List<Long> minutes, Map<String, Map<String, List<@Nullable Double>>> series) {

	}

	/**
	 * Latency figures of one model and stage since start-up, from the timer's histogram.
	 *
	 * @param model the model tag value
	 * @param stage the stage tag value
	 * @param count calls timed
	 * @param meanMs mean milliseconds
	 * @param p50Ms median milliseconds, {@code null} without a histogram
	 * @param p95Ms 95th percentile milliseconds, {@code null} without a histogram
	 */
	public record Latency(String model, String stage, long count, double meanMs, @Nullable Double p50Ms,
			@Nullable Double p95Ms) {

	}

	/**
	 * The lines of the context bars.
	 *
	 * @param warnRatio {@code llmobs.context.warn-ratio}
	 * @param blockRatio {@code llmobs.context.block-ratio}, {@code null} when unset
	 */
	public record ContextLimits(double warnRatio, @Nullable Double blockRatio) {

	}

	/**
	 * Tool figures since start-up.
	 *
	 * @param outcomes calls by tool and outcome
	 * @param breakers each tool's circuit breaker state
	 * @param loopStops tool loops stopped, by reason
	 */
	public record Tools(Map<String, Map<String, Long>> outcomes, Map<String, String> breakers,
			Map<String, Long> loopStops) {

	}

	/**
	 * Judge figures.
	 *
	 * @param meanScores mean score per minute over the last hour, by criterion
	 * @param drift the latest mean minus the baseline, by {@code criterion/stage}
	 * @param evaluations evaluations by outcome, the drops among them
	 */
	public record Judge(PerMinute meanScores, Map<String, Double> drift, Map<String, Long> evaluations) {

	}

	/**
	 * One model call.
	 *
	 * @param time when it started, epoch milliseconds
	 * @param stage the stage tag value
	 * @param tenant the tenant tag value
	 * @param model the model tag value
	 * @param provider the provider
	 * @param iteration its round trip within the {@code ChatClient} call (1 unless in a
	 * tool loop)
	 * @param inputTokens input tokens reported
	 * @param outputTokens output tokens reported
	 * @param costUsd USD, {@code null} when unpriced or without usage
	 * @param latencyMs milliseconds
	 * @param outcome {@code success} or {@code error}
	 * @param finishReason the first generation's finish reason, {@code null} when none
	 * @param traceId its trace, {@code null} without tracing
	 * @param context its context window, {@code null} when the accounting is off
	 * @param content its content as exported on its span, {@code null} unless captured
	 */
	public record Call(long time, String stage, String tenant, String model, String provider, int iteration,
			long inputTokens, long outputTokens, @Nullable Double costUsd, double latencyMs, String outcome,
			@Nullable String finishReason, @Nullable String traceId, @Nullable Window context,
			@Nullable Content content) {

	}

	/**
	 * How a call's prompt filled the model's context window.
	 *
	 * @param sections tokens by section
	 * @param tokens the sum of the sections
	 * @param window the model's window in tokens, {@code null} when unknown
	 * @param utilization tokens over window, {@code null} when the window is unknown
	 */
	public record Window(Map<String, Long> sections, long tokens, @Nullable Integer window,
			@Nullable Double utilization) {

	}

	/**
	 * Content as capture exports it: redacted, cut at {@code llmobs.capture.max-length}.
	 *
	 * @param system the system instructions ({@code gen_ai.system_instructions})
	 * @param input the input messages ({@code gen_ai.input.messages})
	 * @param output the output messages ({@code gen_ai.output.messages})
	 */
	public record Content(@Nullable String system, @Nullable String input, @Nullable String output) {

	}

}
