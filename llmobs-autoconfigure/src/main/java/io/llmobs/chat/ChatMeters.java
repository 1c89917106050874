package io.llmobs.chat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

import io.llmobs.core.CallAttribution;
import io.llmobs.core.CallPrompt;
import io.llmobs.cost.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Records the chat meters. Meters are registered once per tag combination and kept, so
 * the request path does a map lookup instead of building tags; every tag value is already
 * bounded.
 */
final class ChatMeters {

	private static final String MODEL = "model";

	private static final String PROVIDER = "provider";

	private static final String STAGE = "stage";

	private static final String TENANT = "tenant";

	private final MeterRegistry registry;

	private final Map<Series, SeriesMeters> series = new ConcurrentHashMap<>();

	private final Map<ChatSeries, Timer> chatTimers = new ConcurrentHashMap<>();

	private final Map<TtftSeries, Timer> ttftTimers = new ConcurrentHashMap<>();

	private final Map<String, DistributionSummary> iterations = new ConcurrentHashMap<>();

	// Made once: a method reference to an instance method or an inner class is a new
	// object at every evaluation, and these run on every call.
	private final Function<Series, SeriesMeters> newSeriesMeters = SeriesMeters::new;

	private final Function<ChatSeries, Timer> newChatTimer = this::chatTimer;

	private final Function<String, DistributionSummary> newIterationsSummary = this::iterationsSummary;

	/**
	 * Creates the chat meters.
	 * @param registry where the meters are registered
	 */
	ChatMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records tokens, cost, finish reasons and missing prices or usage of one model call.
	 */
	void record(ModelCall call) {
		CallAttribution attribution = call.attribution();
		SeriesMeters meters = this.series.computeIfAbsent(new Series(call.model(), call.provider(), attribution.stage(),
				attribution.tenant(), call.scope().prompt()), this.newSeriesMeters);
		TokenUsage usage = call.usage();
		meters.tokens(TokenType.INPUT, usage.input());
		meters.tokens(TokenType.OUTPUT, usage.output());
		meters.tokens(TokenType.CACHE_READ, usage.cacheRead());
		meters.tokens(TokenType.CACHE_WRITE, usage.cacheWrite());
		meters.tokens(TokenType.REASONING, usage.reasoning());
		for (FinishReason reason : call.finishReasons()) {
			meters.finishReason(reason).increment();
		}
		if (call.costUsd() != null) {
			meters.cost().increment(call.costUsd());
		}
		else if (call.usageReported()) {
			meters.unpriced().increment();
		}
		else if (call.usageMissing()) {
			meters.usageMissing().increment();
		}
	}

	/** Records one {@code ChatClient} call. */
	void recordChat(String model, String provider, CallAttribution attribution, @Nullable CallPrompt prompt,
			ChatOutcome outcome, long nanos) {
		this.chatTimers
			.computeIfAbsent(
					new ChatSeries(model, provider, attribution.stage(), attribution.tenant(), prompt, outcome),
					this.newChatTimer)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	/** Records the model round trips of one {@code ChatClient} call. */
	void recordIterations(String stage, int count) {
		this.iterations.computeIfAbsent(stage, this.newIterationsSummary).record(count);
	}

	private DistributionSummary iterationsSummary(String stage) {
		return DistributionSummary.builder(ChatMetricNames.AGENT_ITERATIONS)
			.description("Model round trips per ChatClient call: 1 without tools, one more per round of tool calls")
			.tags(STAGE, stage)
			.serviceLevelObjectives(1, 2, 3, 5, 10, 20)
			.register(this.registry);
	}

	/** Records the time to the first non-empty chunk of a stream. */
	void recordTimeToFirstToken(String model, String provider, String stage, long nanos) {
		this.ttftTimers.computeIfAbsent(new TtftSeries(model, provider, stage), this::ttftTimer)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer chatTimer(ChatSeries key) {
		return Timer.builder(ChatMetricNames.CHAT)
			.description("ChatClient calls, from request to complete response, tool round trips included")
			.tags(MODEL, key.model(), PROVIDER, key.provider(), STAGE, key.stage(), TENANT, key.tenant(), "outcome",
					key.outcome().tagValue())
			.tags(promptTags(key.prompt()))
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(5))
			.register(this.registry);
	}

	private Timer ttftTimer(TtftSeries key) {
		return Timer.builder(ChatMetricNames.TIME_TO_FIRST_TOKEN)
			.description("Time from the start of a streamed ChatClient call to its first non-empty chunk")
			.tags(MODEL, key.model(), PROVIDER, key.provider(), STAGE, key.stage())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(1))
			.register(this.registry);
	}

	private static Tags promptTags(@Nullable CallPrompt prompt) {
		return (prompt != null) ? prompt.tags() : Tags.empty();
	}

	// Series and ChatSeries write out equals and hashCode: a record's own are chains of
	// method handles, one per component, that the JIT leaves un-inlined under the map
	// look-ups of every call (2-3 % of an untraced call's samples in a profile).

	private record Series(String model, String provider, String stage, String tenant, @Nullable CallPrompt prompt) {

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other
					|| (other instanceof Series that && sameAttribution(this.model, this.provider, this.stage,
							this.tenant, this.prompt, that.model, that.provider, that.stage, that.tenant, that.prompt));
		}

		@Override
		public int hashCode() {
			return attributionHash(this.model, this.provider, this.stage, this.tenant, this.prompt);
		}

	}

	private record ChatSeries(String model, String provider, String stage, String tenant, @Nullable CallPrompt prompt,
			ChatOutcome outcome) {

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof ChatSeries that && this.outcome == that.outcome
					&& sameAttribution(this.model, this.provider, this.stage, this.tenant, this.prompt, that.model,
							that.provider, that.stage, that.tenant, that.prompt));
		}

		@Override
		public int hashCode() {
			return 31 * attributionHash(this.model, this.provider, this.stage, this.tenant, this.prompt)
					+ this.outcome.hashCode();
		}

	}

	private static boolean sameAttribution(String model, String provider, String stage, String tenant,
			@Nullable CallPrompt prompt, String otherModel, String otherProvider, String otherStage, String otherTenant,
			@Nullable CallPrompt otherPrompt) {
		return model.equals(otherModel) && provider.equals(otherProvider) && stage.equals(otherStage)
				&& tenant.equals(otherTenant) && Objects.equals(prompt, otherPrompt);
	}

	private static int attributionHash(String model, String provider, String stage, String tenant,
			@Nullable CallPrompt prompt) {
		int hash = model.hashCode();
		hash = 31 * hash + provider.hashCode();
		hash = 31 * hash + stage.hashCode();
		hash = 31 * hash + tenant.hashCode();
		return 31 * hash + Objects.hashCode(prompt);
	}

	private record TtftSeries(String model, String provider, String stage) {
	}

	/** The {@code type} tag values of {@code llmobs.tokens}. */
	private enum TokenType {

		INPUT, OUTPUT, CACHE_READ, CACHE_WRITE, REASONING

	}

	/**
	 * The meters of one model, provider, stage, tenant and prompt, registered when first
	 * needed.
	 */
	private final class SeriesMeters {

		private final Series key;

		private final Tags tags;

		private final AtomicReferenceArray<Counter> tokens = new AtomicReferenceArray<>(TokenType.values().length);

		private final AtomicReferenceArray<Counter> finishReasons = new AtomicReferenceArray<>(
				FinishReason.values().length);

		private volatile @Nullable Counter cost;

		private volatile @Nullable Counter unpriced;

		private volatile @Nullable Counter usageMissing;

		SeriesMeters(Series key) {
			this.key = key;
			this.tags = Tags.of(MODEL, key.model(), PROVIDER, key.provider(), STAGE, key.stage(), TENANT, key.tenant())
				.and(promptTags(key.prompt()));
		}

		void tokens(TokenType type, long count) {
			if (count > 0) {
				Counter counter = this.tokens.get(type.ordinal());
				if (counter == null) {
					// Registration is idempotent in Micrometer, so a race registers the
					// same counter twice.
					counter = Counter.builder(ChatMetricNames.TOKENS)
						.description("Tokens used by model calls")
						.tags(this.tags)
						.tag("type", type.name().toLowerCase(Locale.ROOT))
						.register(ChatMeters.this.registry);
					this.tokens.set(type.ordinal(), counter);
				}
				counter.increment(count);
			}
		}

		Counter finishReason(FinishReason reason) {
			Counter counter = this.finishReasons.get(reason.ordinal());
			if (counter == null) {
				counter = Counter.builder(ChatMetricNames.FINISH_REASON)
					.description("Generations by normalized finish reason; 'length' means a truncated answer")
					.tags(MODEL, this.key.model(), PROVIDER, this.key.provider(), STAGE, this.key.stage(), "reason",
							reason.value())
					.register(ChatMeters.this.registry);
				this.finishReasons.set(reason.ordinal(), counter);
			}
			return counter;
		}

		Counter cost() {
			Counter counter = this.cost;
			if (counter == null) {
				counter = Counter.builder(ChatMetricNames.COST)
					.description("USD spent on model calls, from the model catalog's prices")
					.baseUnit("usd")
					.tags(this.tags)
					.register(ChatMeters.this.registry);
				this.cost = counter;
			}
			return counter;
		}

		Counter unpriced() {
			Counter counter = this.unpriced;
			if (counter == null) {
				counter = modelCounter(ChatMetricNames.COST_UNPRICED,
						"Model calls whose cost is unknown because the model has no price");
				this.unpriced = counter;
			}
			return counter;
		}

		Counter usageMissing() {
			Counter counter = this.usageMissing;
			if (counter == null) {
				counter = modelCounter(ChatMetricNames.USAGE_MISSING,
						"Model calls whose response reported no token usage, so no tokens or cost were recorded");
				this.usageMissing = counter;
			}
			return counter;
		}

		private Counter modelCounter(String name, String description) {
			return Counter.builder(name)
				.description(description)
				.tags(MODEL, this.key.model(), PROVIDER, this.key.provider())
				.register(ChatMeters.this.registry);
		}

	}

}
