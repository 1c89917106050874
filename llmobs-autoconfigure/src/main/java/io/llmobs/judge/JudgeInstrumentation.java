package io.llmobs.judge;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;

import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.DailySpend;
import io.llmobs.core.RateWindow;
import io.llmobs.cost.ModelCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;

/**
 * The sampled judge, built once from its settings: its daily budget, meters and drift
 * gauges, shared by the model judge that spends the budget and the {@link SampledJudge}
 * that schedules the judgements. The failure taxonomy, which runs with the judge off too,
 * is built by the static methods.
 */
public final class JudgeInstrumentation {

	private final JudgeBudget budget;

	private final JudgeMeters meters;

	private final JudgeDrift drift;

	/**
	 * Creates the judge's shared parts.
	 * @param dailyBudgetUsd USD the judge may spend per day (UTC)
	 * @param spend where the judge's spend per UTC day is kept
	 * @param baseline the mean scores drift is measured against
	 * @param driftWindow the judgements each drift gauge averages
	 * @param meterRegistry where the judge's meters are registered
	 */
	public JudgeInstrumentation(double dailyBudgetUsd, DailySpend spend, JudgeBaseline baseline, int driftWindow,
			MeterRegistry meterRegistry) {
		this.budget = new JudgeBudget(dailyBudgetUsd, spend);
		this.meters = new JudgeMeters(meterRegistry);
		this.drift = new JudgeDrift(meterRegistry, baseline, driftWindow);
	}

	/**
	 * The recorder of {@code llmobs.failures}.
	 * @param meterRegistry where the counters are registered
	 * @param stages bounded stage tag values
	 * @return the recorder
	 */
	public static FailureRecorder failureRecorder(MeterRegistry meterRegistry, BoundedTagValues stages) {
		return new FailureRecorder(meterRegistry, stages);
	}

	/**
	 * The listener that counts the failures every ended call shows by itself (errors,
	 * truncation, tool failures).
	 * @param failures where they are counted
	 * @return the listener
	 */
	public static ChatCallListener knownFailures(FailureRecorder failures) {
		return new KnownFailures(failures);
	}

	/**
	 * The judge that asks a model, each answer charged to the daily budget; says once
	 * when the budget cannot limit it because the judge model has no price.
	 * @param client the client of the judge model, observed like the application's
	 * @param rubric the rubric
	 * @param requestedModel the model to ask the client for, or {@code null} for the
	 * client's default
	 * @param modelId the judge model's id, or {@code null} when it is known only from its
	 * answers
	 * @param accounting prices the judge's answers
	 * @param catalog the model catalog with the application's overrides
	 * @return the judge
	 */
	public Judge modelJudge(ChatClient client, JudgeRubric rubric, @Nullable String requestedModel,
			@Nullable String modelId, ModelCallAccounting accounting, ModelCatalog catalog) {
		return new ChatClientJudge(client, rubric, requestedModel,
				new JudgeSpending(this.budget, accounting, catalog, modelId));
	}

	/**
	 * The sampled judge: judges a sample of the ended calls, and every call with an
	 * always-on outcome, off the request path.
	 * @param sampleRate the fraction of calls judged, in [0, 1]
	 * @param alwaysOn outcomes judged whatever the sample rate ({@code error},
	 * {@code length}, {@code tool-failure})
	 * @param maxPerMinute judgements started per minute at most
	 * @param queueCapacity judgements waiting at most
	 * @param concurrency judgements running at once
	 * @param timeout time limit of one judgement
	 * @param judge the judge
	 * @param failures where the failures the judge finds are counted
	 * @param tracing puts judgements in the judged call's trace, or {@code null} for no
	 * tracing
	 * @param errors where failures inside llmobs are reported
	 * @param workers runs the judgements: {@code concurrency} threads behind a queue of
	 * {@code queueCapacity} that rejects when full; owned by the judge from now on
	 * @param timer fires the judgements' time limits; owned by the judge from now on
	 * @param fleetRate the fleet's permits per window, which then limit the judge for the
	 * whole fleet, or {@code null} for a limit of this instance alone
	 * @return the sampled judge, to close when the application stops
	 */
	public SampledJudge sampledJudge(double sampleRate, List<String> alwaysOn, int maxPerMinute, int queueCapacity,
			int concurrency, Duration timeout, Judge judge, FailureRecorder failures,
			@Nullable OpenTelemetryJudgeTracing tracing, InstrumentationErrors errors, ThreadPoolExecutor workers,
			ScheduledExecutorService timer, @Nullable RateWindow fleetRate) {
		Set<JudgeTrigger> triggers = EnumSet.noneOf(JudgeTrigger.class);
		alwaysOn.forEach((value) -> triggers.add(JudgeTrigger.of(value)));
		return new SampledJudge(new SampledJudge.Settings(sampleRate, triggers, queueCapacity, concurrency, timeout),
				() -> judge, new JudgeRateLimiter(maxPerMinute, Duration.ofMinutes(1), System::nanoTime), this.budget,
				(fleetRate != null) ? new SampledJudge.FleetRate(fleetRate, maxPerMinute) : null, this.meters, failures,
				this.drift, (tracing != null) ? tracing : JudgeTracing.NONE, errors,
				() -> ThreadLocalRandom.current().nextDouble(), workers, timer);
	}

}
