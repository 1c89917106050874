package io.llmobs.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.llmobs.chat.ChatMetricNames;
import io.llmobs.chat.FinishReason;
import io.llmobs.chat.ModelCall;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextAccount;
import io.llmobs.context.ContextAccountant;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.CostTotals;
import io.llmobs.judge.JudgeMetricNames;
import io.llmobs.redact.PiiMeters;
import io.llmobs.tool.ToolNames;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * The llmobs console's model: the ring of recent model calls that its observation handler
 * fills, a per-minute history of the cost and judge meters sampled in the background, and
 * the {@link ConsoleSnapshot} of both and of the other meters that the page reads.
 */
public final class LlmObsConsole implements AutoCloseable {

	/** Where failures of the console report in {@code llmobs.instrumentation.errors}. */
	static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("console");

	private static final int MINUTES = 60;

	private static final long SAMPLE_SECONDS = 10;

	private static final char SEPARATOR = '\0';

	private static final String COST = "cost";

	private static final String SCORE_TOTAL = "score.total";

	private static final String SCORE_COUNT = "score.count";

	private static final List<String> COST_GROUPS = List.of("stage", "model", "tenant");

	private final Settings settings;

	private final MeterReadings meters;

	private final MeterRegistry registry;

	private final CostTotals costTotals;

	private final Supplier<Map<String, String>> breakerStates;

	private final List<ConsoleSection> sections;

	private final InstrumentationErrors errors;

	private final Clock clock;

	private final RecentCalls recentCalls;

	private final ConsoleObservationHandler observationHandler;

	private final MinuteHistory history;

	private final ScheduledExecutorService sampler;

	/**
	 * Creates the console and starts sampling the meters every ten seconds.
	 * @param settings what the console keeps and shows
	 * @param registry the meters to read; its clock times the calls
	 * @param costTotals the cost totals that {@code /actuator/llmobs} shows too
	 * @param accounting the model-call accounting of the chat instrumentation
	 * @param accountant the context accounting, {@code null} when it is off
	 * @param breakerStates the tools' circuit breaker states, by tool
	 * @param sections what other features add to the page
	 * @param errors where failures inside llmobs are reported
	 * @param sampler where the meters are sampled; the console owns it and shuts it down
	 * when closed
	 */
	public LlmObsConsole(Settings settings, MeterRegistry registry, CostTotals costTotals,
			ModelCallAccounting accounting, @Nullable ContextAccountant accountant,
			Supplier<Map<String, String>> breakerStates, List<ConsoleSection> sections, InstrumentationErrors errors,
			ScheduledExecutorService sampler) {
		this.settings = settings;
		this.registry = registry;
		this.meters = new MeterReadings(registry);
		this.costTotals = costTotals;
		this.breakerStates = breakerStates;
		this.sections = sections;
		this.errors = errors.register(COMPONENT);
		this.clock = registry.config().clock();
		this.recentCalls = new RecentCalls(settings.recentCalls());
		this.observationHandler = new ConsoleObservationHandler(this.recentCalls, accounting, accountant,
				settings.content(), this.clock, errors);
		this.history = new MinuteHistory(MINUTES, minute(), reading());
		this.sampler = sampler;
		this.sampler.scheduleAtFixedRate(this::sample, SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
	}

	/**
	 * The handler that keeps every model call in the ring of recent calls.
	 * @return the handler
	 */
	public ObservationHandler<ChatModelObservationContext> observationHandler() {
		return this.observationHandler;
	}

	/**
	 * What the page shows now.
	 * @return the snapshot
	 */
	public ConsoleSnapshot snapshot() {
		sample();
		MinuteHistory.Deltas deltas = this.history.deltas();
		List<Long> minutes = deltas.minutes().stream().map((minute) -> TimeUnit.MINUTES.toMillis(minute)).toList();
		return new ConsoleSnapshot(this.clock.wallTime(), totals(), costPerMinute(minutes, deltas),
				this.meters.mean(ChatMetricNames.TASK_COST, "outcome", "success"),
				this.meters.latency(ChatMetricNames.CHAT), this.meters.latency(ChatMetricNames.TIME_TO_FIRST_TOKEN),
				this.meters.countBy(ChatMetricNames.FINISH_REASON, "reason"),
				new ConsoleSnapshot.ContextLimits(this.settings.warnRatio(), this.settings.blockRatio()), tools(),
				judge(minutes, deltas), this.meters.countBy(PiiMeters.ENTITIES, "type", "direction"), calls(),
				sections());
	}

	private ConsoleSnapshot.Totals totals() {
		return new ConsoleSnapshot.Totals(this.costTotals.total(), this.costTotals.byModel(), this.costTotals.byStage(),
				this.meters.countBy(ChatMetricNames.CHAT, "model").values().stream().mapToLong(Long::longValue).sum(),
				this.meters.countBy(ChatMetricNames.TOKENS, "type"));
	}

	private static ConsoleSnapshot.PerMinute costPerMinute(List<Long> minutes, MinuteHistory.Deltas deltas) {
		Map<String, Map<String, List<@Nullable Double>>> series = new TreeMap<>();
		deltas.series().forEach((key, values) -> {
			String[] parts = key.split(String.valueOf(SEPARATOR), 3);
			if (COST.equals(parts[0])) {
				series.computeIfAbsent(parts[1], (group) -> new TreeMap<>()).put(parts[2], new ArrayList<>(values));
			}
		});
		return new ConsoleSnapshot.PerMinute(minutes, series);
	}

	private ConsoleSnapshot.Tools tools() {
		return new ConsoleSnapshot.Tools(this.meters.countBy(ToolNames.TOOL_METER, "tool", "outcome"),
				this.breakerStates.get(), this.meters.countBy(ToolNames.AGENT_LOOP_STOPPED, "reason"));
	}

	private ConsoleSnapshot.Judge judge(List<Long> minutes, MinuteHistory.Deltas deltas) {
		Map<String, List<@Nullable Double>> means = new TreeMap<>();
		deltas.series().forEach((key, totals) -> {
			String[] parts = key.split(String.valueOf(SEPARATOR), 2);
			if (SCORE_TOTAL.equals(parts[0])) {
				List<Double> counts = deltas.series().get(SCORE_COUNT + SEPARATOR + parts[1]);
				List<@Nullable Double> mean = new ArrayList<>(totals.size());
				for (int i = 0; i < totals.size(); i++) {
					double count = (counts != null) ? counts.get(i) : 0;
					mean.add((count > 0) ? totals.get(i) / count : null);
				}
				means.put(parts[1], mean);
			}
		});
		return new ConsoleSnapshot.Judge(new ConsoleSnapshot.PerMinute(minutes, Map.of("criterion", means)),
				this.meters.gauges(JudgeMetricNames.DRIFT, "criterion", "stage"),
				this.meters.countBy(JudgeMetricNames.EVALUATIONS, "outcome"));
	}

	private List<ConsoleSnapshot.Call> calls() {
		List<RecentCall> recent = this.recentCalls.newestFirst();
		List<ConsoleSnapshot.Call> calls = new ArrayList<>(recent.size());
		for (RecentCall recentCall : recent) {
			calls.add(call(recentCall));
		}
		return calls;
	}

	private static ConsoleSnapshot.Call call(RecentCall recent) {
		ModelCall call = recent.call();
		List<FinishReason> reasons = call.finishReasons();
		return new ConsoleSnapshot.Call(recent.epochMillis(), call.attribution().stage(), call.attribution().tenant(),
				call.model(), call.provider(), call.scope().iteration(), call.usage().input(), call.usage().output(),
				call.costUsd(), recent.durationNanos() / 1e6, recent.failed() ? "error" : "success",
				reasons.isEmpty() ? null : reasons.get(0).value(), recent.traceId(), window(recent.context()),
				recent.content());
	}

	private static ConsoleSnapshot.@Nullable Window window(@Nullable ContextAccount account) {
		if (account == null) {
			return null;
		}
		return new ConsoleSnapshot.Window(account.sections().asMap(), account.tokens(), account.window(),
				account.utilization());
	}

	private Map<String, Object> sections() {
		Map<String, Object> sections = new LinkedHashMap<>();
		for (ConsoleSection section : this.sections) {
			// A failing section is left out; the rest of the page still shows.
			try {
				sections.put(section.name(), section.data());
			}
			catch (RuntimeException ex) {
				this.errors.record(COMPONENT, ex);
			}
		}
		return sections;
	}

	private void sample() {
		this.errors.run(COMPONENT, () -> this.history.record(minute(), reading()));
	}

	private long minute() {
		return TimeUnit.MILLISECONDS.toMinutes(this.clock.wallTime());
	}

	/** The cumulative values that the page shows per minute. */
	private Map<String, Double> reading() {
		Map<String, Double> reading = new HashMap<>();
		for (Counter counter : this.registry.find(ChatMetricNames.COST).counters()) {
			for (String group : COST_GROUPS) {
				String value = counter.getId().getTag(group);
				reading.merge(COST + SEPARATOR + group + SEPARATOR + ((value != null) ? value : "none"),
						counter.count(), Double::sum);
			}
		}
		Map<String, Double> totals = new HashMap<>();
		Map<String, Double> counts = new HashMap<>();
		this.meters.amountsBy(JudgeMetricNames.SCORE, "criterion", totals, counts);
		totals.forEach((criterion, total) -> reading.put(SCORE_TOTAL + SEPARATOR + criterion, total));
		counts.forEach((criterion, count) -> reading.put(SCORE_COUNT + SEPARATOR + criterion, count));
		return reading;
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
	}

	/**
	 * What the console keeps and shows.
	 *
	 * @param recentCalls model calls kept in the ring
	 * @param content whether capture puts content on the spans, which the recent calls
	 * then show
	 * @param warnRatio {@code llmobs.context.warn-ratio}
	 * @param blockRatio {@code llmobs.context.block-ratio}, {@code null} when unset
	 */
	public record Settings(int recentCalls, boolean content, double warnRatio, @Nullable Double blockRatio) {

	}

}
