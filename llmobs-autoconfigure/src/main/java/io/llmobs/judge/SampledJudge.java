package io.llmobs.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.llmobs.chat.ChatCallListener;
import io.llmobs.chat.ChatOutcome;
import io.llmobs.chat.FinishedChatCall;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import io.llmobs.core.RateWindow;
import io.llmobs.context.ContextAccountant;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.document.Document;

/**
 * The sampled LLM-as-judge. When an instrumented {@code ChatClient} call ends that is
 * sampled, or whose outcome is listed as always judged, it queues a judgement that keeps
 * references to the question, context and answer. Judgements run on {@code concurrency}
 * threads behind a bounded queue, a rate limiter, a daily budget and a time limit; the
 * user's call never waits for them and never fails because of them: every drop is
 * counted.
 */
public final class SampledJudge implements ChatCallListener, AutoCloseable {

	/**
	 * Where the sampled judge report failures in {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("judge");

	private final Settings settings;

	private final Supplier<Judge> judge;

	private final JudgeRateLimiter rateLimiter;

	private final JudgeBudget budget;

	private final @Nullable FleetRate fleetRate;

	private final JudgeMeters meters;

	private final FailureRecorder failures;

	private final JudgeDrift drift;

	private final JudgeTracing tracing;

	private final InstrumentationErrors errors;

	private final DoubleSupplier random;

	private final ThreadPoolExecutor workers;

	private final ScheduledExecutorService timer;

	/**
	 * Creates the judge.
	 * @param settings sampling and bounds
	 * @param judge the judge model, asked for at the first judgement
	 * @param rateLimiter the limit of judgements per period; a judgement without a permit
	 * is dropped
	 * @param budget the daily spending limit
	 * @param fleetRate the rate limit of the whole fleet, which replaces
	 * {@code rateLimiter} and moves both checks to the judge's threads (they ask Redis),
	 * or {@code null} to check on the caller's thread
	 * @param meters the judge's meters
	 * @param failures where failures are counted
	 * @param drift the drift gauges
	 * @param tracing puts judgements in the judged call's trace
	 * @param errors where failures inside llmobs are reported
	 * @param random draws the sampling decision, in [0, 1)
	 * @param workers runs the judgements: {@code concurrency} threads behind a queue of
	 * {@code queueCapacity} that rejects when full; owned by the judge from now on
	 * @param timer fires the judgements' time limits; owned by the judge from now on
	 */
	SampledJudge(Settings settings, Supplier<Judge> judge, JudgeRateLimiter rateLimiter, JudgeBudget budget,
			@Nullable FleetRate fleetRate, JudgeMeters meters, FailureRecorder failures, JudgeDrift drift,
			JudgeTracing tracing, InstrumentationErrors errors, DoubleSupplier random, ThreadPoolExecutor workers,
			ScheduledExecutorService timer) {
		this.settings = settings;
		this.judge = judge;
		this.rateLimiter = rateLimiter;
		this.budget = budget;
		this.fleetRate = fleetRate;
		this.meters = meters;
		this.failures = failures;
		this.drift = drift;
		this.tracing = tracing;
		this.errors = errors.register(COMPONENT);
		this.random = random;
		this.workers = workers;
		this.timer = timer;
		meters.queue(workers.getQueue());
	}

	@Override
	public void onFinished(FinishedChatCall call) {
		if (Boolean.TRUE.equals(call.request().context().get(LlmObsParams.JUDGE_SKIP))
				|| call.outcome() == ChatOutcome.CANCELLED) {
			return;
		}
		Set<JudgeTrigger> triggers = EnumSet.noneOf(JudgeTrigger.class);
		if (call.toolFailures() > 0) {
			triggers.add(JudgeTrigger.TOOL_FAILURE);
		}
		if (call.outcome() == ChatOutcome.ERROR) {
			triggers.add(JudgeTrigger.ERROR);
		}
		if (call.truncated()) {
			triggers.add(JudgeTrigger.LENGTH);
		}
		triggers.retainAll(this.settings.alwaysOn());
		if (triggers.isEmpty() && this.random.getAsDouble() >= this.settings.sampleRate()) {
			return;
		}
		if (call.outcome() == ChatOutcome.ERROR && call.answerChunks().stream().allMatch(String::isEmpty)) {
			return;
		}
		submit(call);
	}

	private void submit(FinishedChatCall call) {
		if (this.workers.getQueue().remainingCapacity() == 0) {
			this.meters.evaluation(JudgeOutcome.DROPPED_QUEUE_FULL);
			return;
		}
		if (this.fleetRate == null) {
			if (!this.rateLimiter.tryAcquire()) {
				this.meters.evaluation(JudgeOutcome.DROPPED_RATE);
				return;
			}
			if (this.budget.exhausted()) {
				this.meters.evaluation(JudgeOutcome.DROPPED_BUDGET);
				return;
			}
		}
		try {
			this.workers.execute(new Judgement(call, this.tracing.capture(call.observation())));
		}
		catch (RejectedExecutionException ex) {
			this.meters.evaluation(JudgeOutcome.DROPPED_QUEUE_FULL);
		}
	}

	/**
	 * The judge's state for the endpoint.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		return new Snapshot(this.settings.sampleRate(), this.workers.getQueue().size(), this.settings.queueCapacity(),
				this.meters.evaluations(), this.budget.spentTodayUsd(), this.budget.dailyLimitUsd());
	}

	/**
	 * Stops the judge: queued judgements are dropped; running ones may end within their
	 * time limit, after which they are interrupted. Waits that long at most.
	 */
	@Override
	public void close() {
		this.workers.shutdown();
		this.workers.getQueue().clear();
		try {
			if (!this.workers.awaitTermination(this.settings.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
				this.workers.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.workers.shutdownNow();
			Thread.currentThread().interrupt();
		}
		finally {
			this.timer.shutdownNow();
		}
	}

	private void judge(FinishedChatCall call, @Nullable TraceParent parent) {
		if (this.budget.exhausted()) {
			this.meters.evaluation(JudgeOutcome.DROPPED_BUDGET);
			return;
		}
		FleetRate fleet = this.fleetRate;
		if (fleet != null && !fleet.window().tryAcquire(FleetRate.KEY, fleet.maxPerMinute(), Duration.ofMinutes(1))) {
			this.meters.evaluation(JudgeOutcome.DROPPED_RATE);
			return;
		}
		String stage = call.attribution().stage();
		JudgeRequest request = new JudgeRequest(input(call), documents(call.responseContext()), call.toolResults(),
				call.answer(), stage, call.model());
		try (JudgeTracing.JudgeSpan span = this.tracing.start(parent, JudgeMetricNames.SPAN)) {
			JudgeOutcome outcome;
			JudgeVerdict verdict = null;
			JudgementDeadline deadline = JudgementDeadline.start();
			ScheduledFuture<?> alarm = this.timer.schedule(deadline::expire, this.settings.timeout().toNanos(),
					TimeUnit.NANOSECONDS);
			try {
				verdict = this.judge.get().evaluate(request);
				outcome = JudgeOutcome.SCORED;
			}
			catch (UnparseableVerdictException ex) {
				outcome = JudgeOutcome.UNPARSEABLE;
			}
			catch (Exception ex) {
				// also the InterruptedException that HTTP clients written in Kotlin throw
				// undeclared at the timeout
				outcome = JudgeOutcome.ERROR;
			}
			finally {
				alarm.cancel(false);
			}
			if (!deadline.meet()) {
				outcome = JudgeOutcome.TIMEOUT;
				verdict = null;
			}
			if (verdict != null) {
				record(verdict, stage, call);
				span.verdict(verdict);
			}
			else {
				span.failed(outcome);
			}
			this.meters.evaluation(outcome);
		}
	}

	private void record(JudgeVerdict verdict, String stage, FinishedChatCall call) {
		verdict.scores().forEach((criterion, score) -> {
			this.meters.score(criterion, stage, call.model(), call.prompt(), score);
			this.drift.record(criterion, stage, score);
		});
		FailureCategory category = verdict.category();
		if (category != null && !KnownFailures.isKnown(call, category)) {
			this.failures.record(category, stage);
		}
	}

	private static String input(FinishedChatCall call) {
		UserMessage user = call.request().prompt().getUserMessage();
		String text = (user != null) ? user.getText() : null;
		return (text != null) ? text : "";
	}

	private static List<String> documents(Map<String, @Nullable Object> context) {
		List<String> documents = new ArrayList<>();
		for (String key : ContextAccountant.DOCUMENT_KEYS) {
			if (context.get(key) instanceof List<?> values) {
				for (Object value : values) {
					if (value instanceof Document document && document.getText() != null) {
						documents.add(document.getText());
					}
				}
			}
		}
		return documents;
	}

	/** One queued judgement. */
	private final class Judgement implements Runnable {

		private final FinishedChatCall call;

		private final @Nullable TraceParent parent;

		Judgement(FinishedChatCall call, @Nullable TraceParent parent) {
			this.call = call;
			this.parent = parent;
		}

		@Override
		public void run() {
			try {
				judge(this.call, this.parent);
			}
			catch (RuntimeException ex) {
				SampledJudge.this.meters.evaluation(JudgeOutcome.ERROR);
				SampledJudge.this.errors.record(COMPONENT, ex);
			}
		}

	}

	/**
	 * Sampling and bounds of the judge.
	 *
	 * @param sampleRate the fraction of calls judged, in [0, 1]
	 * @param alwaysOn outcomes judged whatever the sample rate
	 * @param queueCapacity judgements waiting at most
	 * @param concurrency judgements running at once
	 * @param timeout time limit of one judgement
	 */
	record Settings(double sampleRate, Set<JudgeTrigger> alwaysOn, int queueCapacity, int concurrency,
			Duration timeout) {

		Settings {
			alwaysOn = alwaysOn.isEmpty() ? EnumSet.noneOf(JudgeTrigger.class) : EnumSet.copyOf(alwaysOn);
		}

	}

	/**
	 * The judge's state.
	 *
	 * @param sampleRate the fraction of calls judged
	 * @param queued judgements waiting
	 * @param queueCapacity judgements waiting at most
	 * @param evaluations evaluations since start-up by outcome
	 * @param budgetUsedTodayUsd USD the judge spent today (UTC)
	 * @param dailyBudgetUsd the daily limit
	 */
	public record Snapshot(double sampleRate, int queued, int queueCapacity, Map<String, Long> evaluations,
			double budgetUsedTodayUsd, double dailyBudgetUsd) {
	}

	/**
	 * The judge's rate limit for the whole fleet.
	 *
	 * @param window the fleet's permits per window
	 * @param maxPerMinute judgements started per minute across the fleet
	 */
	record FleetRate(RateWindow window, int maxPerMinute) {

		static final String KEY = "judge";

	}

}
