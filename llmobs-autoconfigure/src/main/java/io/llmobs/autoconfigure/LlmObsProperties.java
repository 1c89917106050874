package io.llmobs.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of llmobs, under {@code llmobs.*}. Unknown or invalid properties fail start-up with the property
 * name in the message.
 */
@ConfigurationProperties(prefix = "llmobs", ignoreUnknownFields = false)
public class LlmObsProperties implements Validator {

	/**
	 * Whether llmobs instruments the application. When false, no llmobs bean is created.
	 */
	private boolean enabled = true;

	/**
	 * Stage of calls that set no 'llmobs.stage' advisor parameter.
	 */
	private String defaultStage = "default";

	/**
	 * Bounds of the 'stage' tag.
	 */
	private final TagLimit stage = new TagLimit(50);

	/**
	 * Bounds of the 'tenant' tag.
	 */
	private final TagLimit tenant = new TagLimit(100);

	/**
	 * Bounds of the 'model' tag.
	 */
	private final TagLimit model = new TagLimit(50);

	/**
	 * Bounds of the 'task' tag.
	 */
	private final TagLimit task = new TagLimit(50);

	/**
	 * Bounds of the 'tool' tag.
	 */
	private final TagLimit tool = new TagLimit(50);

	/**
	 * Bounds of the 'guardrail' tag.
	 */
	private final TagLimit guardrail = new TagLimit(20);

	/**
	 * Model entries by key: add models, or override prices and windows of the catalog's entry with the same key.
	 */
	private final Map<String, ModelSettings> models = new LinkedHashMap<>();

	/**
	 * The bundled model catalog.
	 */
	private final Catalog catalog = new Catalog();

	/**
	 * Context-window accounting before each model call.
	 */
	private final Context context = new Context();

	/**
	 * Tool calls: timings, circuit breakers.
	 */
	private final Tools tools = new Tools();

	/**
	 * Trace propagation over the Model Context Protocol.
	 */
	private final Mcp mcp = new Mcp();

	/**
	 * Prompt versions: the prompt registry and the prompt identity of calls.
	 */
	private final Prompts prompts = new Prompts();

	/**
	 * User feedback on calls.
	 */
	private final Feedback feedback = new Feedback();

	/**
	 * Prompt and completion capture on model-call spans.
	 */
	private final Capture capture = new Capture();

	/**
	 * PII redaction of captured content and of Spring AI's content attributes.
	 */
	private final Redaction redaction = new Redaction();

	/**
	 * PII counts of model inputs and outputs.
	 */
	private final Pii pii = new Pii();

	/**
	 * The sampled LLM-as-judge.
	 */
	private final Judge judge = new Judge();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getDefaultStage() {
		return this.defaultStage;
	}

	public void setDefaultStage(String defaultStage) {
		this.defaultStage = defaultStage;
	}

	public TagLimit getStage() {
		return this.stage;
	}

	public TagLimit getTenant() {
		return this.tenant;
	}

	public TagLimit getModel() {
		return this.model;
	}

	public TagLimit getTask() {
		return this.task;
	}

	public TagLimit getTool() {
		return this.tool;
	}

	public TagLimit getGuardrail() {
		return this.guardrail;
	}

	public Map<String, ModelSettings> getModels() {
		return this.models;
	}

	public Catalog getCatalog() {
		return this.catalog;
	}

	public Context getContext() {
		return this.context;
	}

	public Tools getTools() {
		return this.tools;
	}

	public Mcp getMcp() {
		return this.mcp;
	}

	public Prompts getPrompts() {
		return this.prompts;
	}

	public Feedback getFeedback() {
		return this.feedback;
	}

	public Capture getCapture() {
		return this.capture;
	}

	public Redaction getRedaction() {
		return this.redaction;
	}

	public Pii getPii() {
		return this.pii;
	}

	public Judge getJudge() {
		return this.judge;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmObsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmObsProperties properties = (LlmObsProperties) target;
		if (properties.getDefaultStage() == null || properties.getDefaultStage().isBlank()) {
			reject(errors, "default-stage", "must not be blank");
		}
		positive(errors, "stage", properties.getStage().getMaxValues());
		positive(errors, "tenant", properties.getTenant().getMaxValues());
		positive(errors, "model", properties.getModel().getMaxValues());
		positive(errors, "task", properties.getTask().getMaxValues());
		positive(errors, "tool", properties.getTool().getMaxValues());
		positive(errors, "guardrail", properties.getGuardrail().getMaxValues());
		properties.getModels().forEach((key, settings) -> settings.validate(key, errors));
		properties.getContext().validate(errors);
		properties.getTools().validate(errors);
		properties.getPrompts().validate(errors);
		properties.getFeedback().validate(errors);
		if (properties.getCapture().getMaxLength() < 1) {
			reject(errors, "capture.max-length", "must be at least 1");
		}
		properties.getRedaction().validate(errors);
		properties.getJudge().validate(errors);
	}

	private static void positive(Errors errors, String tag, int value) {
		if (value < 1) {
			reject(errors, tag + ".max-values", "must be at least 1");
		}
	}

	/**
	 * Rejects a property under its canonical name, as users write it and as Boot names properties in its own binding
	 * errors: the field error's field and the start of its message.
	 */
	private static void reject(Errors errors, String property, String message) {
		errors.rejectValue(property, "invalid", "llmobs." + property + " " + message);
	}

	/**
	 * The maximum number of distinct values of a tag.
	 */
	public static class TagLimit {

		/**
		 * Distinct tag values admitted before later values are folded into 'other'.
		 */
		private int maxValues;

		TagLimit(int maxValues) {
			this.maxValues = maxValues;
		}

		public int getMaxValues() {
			return this.maxValues;
		}

		public void setMaxValues(int maxValues) {
			this.maxValues = maxValues;
		}

	}

	/**
	 * One model entry. Unset values are taken from the catalog entry with the same key.
	 */
	public static class ModelSettings {

		/**
		 * Regular expression that a whole model id must match (case-insensitive); the response model is tried
		 * first, then the request model. Defaults to the catalog entry's pattern, else the key itself.
		 */
		private @Nullable String match;

		/**
		 * USD per 1M uncached input tokens.
		 */
		private @Nullable Double inputPrice;

		/**
		 * USD per 1M output tokens.
		 */
		private @Nullable Double outputPrice;

		/**
		 * USD per 1M input tokens read from the provider's prompt cache; the input price when unset.
		 */
		private @Nullable Double cacheReadPrice;

		/**
		 * USD per 1M input tokens written to the provider's prompt cache; the input price when unset.
		 */
		private @Nullable Double cacheWritePrice;

		/**
		 * Maximum input tokens of the model.
		 */
		private @Nullable Integer contextWindow;

		public @Nullable String getMatch() {
			return this.match;
		}

		public void setMatch(@Nullable String match) {
			this.match = match;
		}

		public @Nullable Double getInputPrice() {
			return this.inputPrice;
		}

		public void setInputPrice(@Nullable Double inputPrice) {
			this.inputPrice = inputPrice;
		}

		public @Nullable Double getOutputPrice() {
			return this.outputPrice;
		}

		public void setOutputPrice(@Nullable Double outputPrice) {
			this.outputPrice = outputPrice;
		}

		public @Nullable Double getCacheReadPrice() {
			return this.cacheReadPrice;
		}

		public void setCacheReadPrice(@Nullable Double cacheReadPrice) {
			this.cacheReadPrice = cacheReadPrice;
		}

		public @Nullable Double getCacheWritePrice() {
			return this.cacheWritePrice;
		}

		public void setCacheWritePrice(@Nullable Double cacheWritePrice) {
			this.cacheWritePrice = cacheWritePrice;
		}

		public @Nullable Integer getContextWindow() {
			return this.contextWindow;
		}

		public void setContextWindow(@Nullable Integer contextWindow) {
			this.contextWindow = contextWindow;
		}

		void validate(String key, Errors errors) {
			String property = "models." + key + ".";
			if (this.match != null) {
				try {
					Pattern.compile(this.match);
				}
				catch (PatternSyntaxException ex) {
					reject(errors, property + "match",
							"is not a valid regular expression: " + ex.getDescription());
				}
			}
			nonNegative(errors, property + "input-price", this.inputPrice);
			nonNegative(errors, property + "output-price", this.outputPrice);
			nonNegative(errors, property + "cache-read-price", this.cacheReadPrice);
			nonNegative(errors, property + "cache-write-price", this.cacheWritePrice);
			if (this.contextWindow != null && this.contextWindow < 1) {
				reject(errors, property + "context-window", "must be at least 1");
			}
		}

		private static void nonNegative(Errors errors, String property, @Nullable Double price) {
			if (price != null && (price < 0 || price.isNaN() || price.isInfinite())) {
				reject(errors, property, "must be a price of zero or more (USD per 1M tokens)");
			}
		}

	}

	/**
	 * Trace propagation over the Model Context Protocol.
	 */
	public static class Mcp {

		/**
		 * Whether MCP tool calls carry the caller's trace context and baggage in 'params._meta' and an MCP server's
		 * tool calls continue it in a span of their own.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The bundled, dated model catalog.
	 */
	public static class Catalog {

		/**
		 * Whether the bundled catalog of prices and context windows is used under the 'llmobs.models' entries.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Context-window accounting: tokens per prompt section and the fill ratio of the model's window.
	 */
	public static class Context {

		/**
		 * Whether the sections of every prompt are counted before each model call.
		 */
		private boolean enabled = true;

		/**
		 * Utilization (estimated prompt tokens over the model's context window) at which a model call counts as a
		 * threshold crossing, in (0, 1].
		 */
		private double warnRatio = 0.8;

		/**
		 * Utilization above which a ChatClient call fails fast with a ContextWindowExceededException before it is
		 * sent, in (0, 1] and not below the warn ratio. Unset: never block.
		 */
		private @Nullable Double blockRatio;

		/**
		 * The cache of token counts per text.
		 */
		private final Cache cache = new Cache();

		/**
		 * The background tokenizer.
		 */
		private final Tokenizer tokenizer = new Tokenizer();

		/**
		 * Calibration of the estimate against the provider's reported input tokens.
		 */
		private final Calibration calibration = new Calibration();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getWarnRatio() {
			return this.warnRatio;
		}

		public void setWarnRatio(double warnRatio) {
			this.warnRatio = warnRatio;
		}

		public @Nullable Double getBlockRatio() {
			return this.blockRatio;
		}

		public void setBlockRatio(@Nullable Double blockRatio) {
			this.blockRatio = blockRatio;
		}

		public Cache getCache() {
			return this.cache;
		}

		public Tokenizer getTokenizer() {
			return this.tokenizer;
		}

		public Calibration getCalibration() {
			return this.calibration;
		}

		void validate(Errors errors) {
			if (!ratio(this.warnRatio)) {
				reject(errors, "context.warn-ratio", "must be in (0, 1], not " + this.warnRatio);
			}
			Double block = this.blockRatio;
			if (block != null && !ratio(block)) {
				reject(errors, "context.block-ratio", "must be in (0, 1], not " + block);
			}
			else if (block != null && block < this.warnRatio) {
				reject(errors, "context.block-ratio",
						"(" + block + ") must not be below llmobs.context.warn-ratio (" + this.warnRatio + ")");
			}
			if (this.cache.getMaxSize() < 1) {
				reject(errors, "context.cache.max-size", "must be at least 1");
			}
			if (this.cache.getExpireAfterAccess().isNegative() || this.cache.getExpireAfterAccess().isZero()) {
				reject(errors, "context.cache.expire-after-access",
						"must be positive");
			}
			if (this.tokenizer.getQueueCapacity() < 1) {
				reject(errors, "context.tokenizer.queue-capacity",
						"must be at least 1");
			}
			double smoothing = this.calibration.getSmoothing();
			if (!ratio(smoothing)) {
				reject(errors, "context.calibration.smoothing",
						"must be in (0, 1], not " + smoothing);
			}
		}

		private static boolean ratio(double value) {
			return value > 0 && value <= 1;
		}

		/**
		 * The cache of token counts, one entry per distinct text (message, document, tool schema).
		 */
		public static class Cache {

			/**
			 * Texts whose token count is kept at most. Each entry holds a reference to its text.
			 */
			private long maxSize = 10_000;

			/**
			 * How long a text's count is kept after it was last read from the cache. The texts looked up last are
			 * also remembered by identity in a small table in front of the cache, which keeps no text alive.
			 */
			private Duration expireAfterAccess = Duration.ofMinutes(10);

			public long getMaxSize() {
				return this.maxSize;
			}

			public void setMaxSize(long maxSize) {
				this.maxSize = maxSize;
			}

			public Duration getExpireAfterAccess() {
				return this.expireAfterAccess;
			}

			public void setExpireAfterAccess(Duration expireAfterAccess) {
				this.expireAfterAccess = expireAfterAccess;
			}

		}

		/**
		 * The single background thread that tokenizes texts not cached yet, off the request path.
		 */
		public static class Tokenizer {

			/**
			 * Texts waiting to be tokenized at most; further new texts are estimated from their length.
			 */
			private int queueCapacity = 1_000;

			public int getQueueCapacity() {
				return this.queueCapacity;
			}

			public void setQueueCapacity(int queueCapacity) {
				this.queueCapacity = queueCapacity;
			}

		}

		/**
		 * Per-model calibration of the estimate.
		 */
		public static class Calibration {

			/**
			 * Weight of the newest call in the moving average of provider-reported over estimated tokens, in (0, 1].
			 */
			private double smoothing = 0.2;

			public double getSmoothing() {
				return this.smoothing;
			}

			public void setSmoothing(double smoothing) {
				this.smoothing = smoothing;
			}

		}

	}

	/**
	 * Tool calls made for the model.
	 */
	public static class Tools {

		/**
		 * Whether every tool that Spring AI's tool-calling advisor runs is timed and put behind a circuit breaker.
		 */
		private boolean enabled = true;

		/**
		 * What the model receives instead of a result while a tool's circuit breaker is open; '%s' is the tool name.
		 */
		private String degradedMessage = "The tool '%s' is unavailable right now. Answer without it, or tell the "
				+ "user that this information cannot be retrieved at the moment.";

		/**
		 * One Resilience4j circuit breaker per tool. Ignored when the application has a CircuitBreakerRegistry
		 * bean: its configuration for the tool's name applies.
		 */
		private final CircuitBreaker circuitBreaker = new CircuitBreaker();

		/**
		 * Model round trips per ChatClient call; when the model still asks for tools at the last one, the loop ends
		 * with its last words as the answer instead of running them.
		 */
		private int maxIterations = 10;

		/**
		 * Loop control within one ChatClient call.
		 */
		private final Loop loop = new Loop();

		/**
		 * Time limit of every tool without one of its own; unset: none. A limited tool runs on a worker thread (its
		 * spans keep their parent; other thread-bound state, such as a security context, does not follow).
		 */
		private @Nullable Duration timeout;

		/**
		 * Time limits by tool name.
		 */
		private final Map<String, Duration> timeouts = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getDegradedMessage() {
			return this.degradedMessage;
		}

		public void setDegradedMessage(String degradedMessage) {
			this.degradedMessage = degradedMessage;
		}

		public CircuitBreaker getCircuitBreaker() {
			return this.circuitBreaker;
		}

		public int getMaxIterations() {
			return this.maxIterations;
		}

		public void setMaxIterations(int maxIterations) {
			this.maxIterations = maxIterations;
		}

		public Loop getLoop() {
			return this.loop;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public Map<String, Duration> getTimeouts() {
			return this.timeouts;
		}

		void validate(Errors errors) {
			if (this.degradedMessage == null || this.degradedMessage.isBlank()) {
				reject(errors, "tools.degraded-message", "must not be blank");
			}
			if (this.maxIterations < 1) {
				reject(errors, "tools.max-iterations", "must be at least 1");
			}
			if (this.loop.getMaxIdenticalCalls() < 1) {
				reject(errors, "tools.loop.max-identical-calls", "must be at least 1");
			}
			if (this.timeout != null && (this.timeout.isNegative() || this.timeout.isZero())) {
				reject(errors, "tools.timeout", "must be positive");
			}
			this.timeouts.forEach((tool, limit) -> {
				if (limit == null || limit.isNegative() || limit.isZero()) {
					reject(errors, "tools.timeouts." + tool, "must be positive");
				}
			});
			this.circuitBreaker.validate(errors, "tools.circuit-breaker.");
			this.circuitBreaker.getInstances()
				.forEach((tool, settings) -> settings.validate(errors, "tools.circuit-breaker.instances." + tool + "."));
		}

		/**
		 * Loop control within one ChatClient call.
		 */
		public static class Loop {

			/**
			 * Calls of the same tool with the same (canonical JSON) arguments allowed per ChatClient call; further
			 * ones are not run and the model is told so.
			 */
			private int maxIdenticalCalls = 3;

			public int getMaxIdenticalCalls() {
				return this.maxIdenticalCalls;
			}

			public void setMaxIdenticalCalls(int maxIdenticalCalls) {
				this.maxIdenticalCalls = maxIdenticalCalls;
			}

		}

		/**
		 * The circuit breakers of the tools: defaults and per-tool overrides, with Resilience4j's names and meanings.
		 */
		public static class CircuitBreaker extends BreakerSettings {

			/**
			 * Whether tools are put behind circuit breakers; when false they are only timed.
			 */
			private boolean enabled = true;

			/**
			 * Per-tool overrides, by tool name; unset values are taken from the defaults above.
			 */
			private final Map<String, BreakerSettings> instances = new LinkedHashMap<>();

			public CircuitBreaker() {
				setFailureRateThreshold(10f);
				setSlidingWindowSize(20);
				setMinimumNumberOfCalls(10);
				setWaitDurationInOpenState(Duration.ofSeconds(30));
				setPermittedNumberOfCallsInHalfOpenState(3);
				setSlowCallRateThreshold(100f);
			}

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Map<String, BreakerSettings> getInstances() {
				return this.instances;
			}

		}

		/**
		 * Settings of a circuit breaker; unset values of a per-tool entry come from the defaults.
		 */
		public static class BreakerSettings {

			/**
			 * Percentage of failed calls in the sliding window at which the breaker opens.
			 */
			private @Nullable Float failureRateThreshold;

			/**
			 * Calls in the count-based sliding window.
			 */
			private @Nullable Integer slidingWindowSize;

			/**
			 * Calls needed in the window before the failure rate is computed.
			 */
			private @Nullable Integer minimumNumberOfCalls;

			/**
			 * How long the breaker stays open before it lets trial calls through.
			 */
			private @Nullable Duration waitDurationInOpenState;

			/**
			 * Trial calls allowed while half-open.
			 */
			private @Nullable Integer permittedNumberOfCallsInHalfOpenState;

			/**
			 * Calls slower than this count as slow; unset: no call is slow.
			 */
			private @Nullable Duration slowCallDurationThreshold;

			/**
			 * Percentage of slow calls in the window at which the breaker opens.
			 */
			private @Nullable Float slowCallRateThreshold;

			public @Nullable Float getFailureRateThreshold() {
				return this.failureRateThreshold;
			}

			public void setFailureRateThreshold(@Nullable Float failureRateThreshold) {
				this.failureRateThreshold = failureRateThreshold;
			}

			public @Nullable Integer getSlidingWindowSize() {
				return this.slidingWindowSize;
			}

			public void setSlidingWindowSize(@Nullable Integer slidingWindowSize) {
				this.slidingWindowSize = slidingWindowSize;
			}

			public @Nullable Integer getMinimumNumberOfCalls() {
				return this.minimumNumberOfCalls;
			}

			public void setMinimumNumberOfCalls(@Nullable Integer minimumNumberOfCalls) {
				this.minimumNumberOfCalls = minimumNumberOfCalls;
			}

			public @Nullable Duration getWaitDurationInOpenState() {
				return this.waitDurationInOpenState;
			}

			public void setWaitDurationInOpenState(@Nullable Duration waitDurationInOpenState) {
				this.waitDurationInOpenState = waitDurationInOpenState;
			}

			public @Nullable Integer getPermittedNumberOfCallsInHalfOpenState() {
				return this.permittedNumberOfCallsInHalfOpenState;
			}

			public void setPermittedNumberOfCallsInHalfOpenState(@Nullable Integer permittedNumberOfCallsInHalfOpenState) {
				this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
			}

			public @Nullable Duration getSlowCallDurationThreshold() {
				return this.slowCallDurationThreshold;
			}

			public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
				this.slowCallDurationThreshold = slowCallDurationThreshold;
			}

			public @Nullable Float getSlowCallRateThreshold() {
				return this.slowCallRateThreshold;
			}

			public void setSlowCallRateThreshold(@Nullable Float slowCallRateThreshold) {
				this.slowCallRateThreshold = slowCallRateThreshold;
			}

			void validate(Errors errors, String property) {
				percentage(errors, property + "failure-rate-threshold", this.failureRateThreshold);
				percentage(errors, property + "slow-call-rate-threshold", this.slowCallRateThreshold);
				atLeastOne(errors, property + "sliding-window-size", this.slidingWindowSize);
				atLeastOne(errors, property + "minimum-number-of-calls", this.minimumNumberOfCalls);
				atLeastOne(errors, property + "permitted-number-of-calls-in-half-open-state",
						this.permittedNumberOfCallsInHalfOpenState);
				positive(errors, property + "wait-duration-in-open-state", this.waitDurationInOpenState);
				positive(errors, property + "slow-call-duration-threshold", this.slowCallDurationThreshold);
			}

			private static void percentage(Errors errors, String property, @Nullable Float value) {
				if (value != null && !(value > 0 && value <= 100)) {
					reject(errors, property, "must be a percentage in (0, 100], not " + value);
				}
			}

			private static void atLeastOne(Errors errors, String property, @Nullable Integer value) {
				if (value != null && value < 1) {
					reject(errors, property, "must be at least 1");
				}
			}

			private static void positive(Errors errors, String property, @Nullable Duration value) {
				if (value != null && (value.isNegative() || value.isZero())) {
					reject(errors, property, "must be positive");
				}
			}

		}

	}

	/**
	 * The sampled LLM-as-judge: off until enabled with a judge model named.
	 */
	public static class Judge {

		private static final Pattern CRITERION = Pattern.compile("[a-z][a-z0-9_]*");

		private static final List<String> TRIGGERS = List.of("error", "length", "tool-failure");

		/**
		 * Whether answers are judged. Needs 'llmobs.judge.model', a ChatModel bean qualified 'llmObsJudge' or a
		 * Judge bean; start-up fails without one of them.
		 */
		private boolean enabled;

		/**
		 * Fraction of ended ChatClient calls that are judged, in [0, 1].
		 */
		private double sampleRate = 0.05;

		/**
		 * Outcomes judged whatever the sample rate: 'error' (a failed call with part of an answer), 'length' (an
		 * answer cut at the token limit), 'tool-failure' (a tool failed, timed out or was unavailable).
		 */
		private List<String> alwaysOn = new ArrayList<>(TRIGGERS);

		/**
		 * Model id the judge asks the application's ChatModel for; should differ from the judged model (a WARN at
		 * start-up when it does not). Not used when a ChatModel bean qualified 'llmObsJudge' exists.
		 */
		private @Nullable String model;

		/**
		 * Criteria the judge scores from 0 to 1; 'faithfulness' and 'relevance' come with descriptions, other names
		 * (lower case, digits, underscores) are given to the judge as they are.
		 */
		private List<String> criteria = new ArrayList<>(List.of("faithfulness", "relevance"));

		/**
		 * Rubric text, the judge's system prompt; placeholders {criteria}, {criteria_json} and {categories}.
		 * Defaults to the bundled rubric.
		 */
		private @Nullable Resource rubric;

		/**
		 * Judgements waiting at most; further ones are dropped and counted.
		 */
		private int queueCapacity = 1_000;

		/**
		 * Judgements running at once.
		 */
		private int concurrency = 2;

		/**
		 * Judgements started per minute at most; further ones are dropped and counted.
		 */
		private int maxPerMinute = 60;

		/**
		 * USD the judge's own calls may cost per UTC day, as the cost meter prices them; then judgements are dropped
		 * and counted until the next day. A judge model without a price counts as free, which a WARN says once.
		 */
		private double dailyBudgetUsd = 5.0;

		/**
		 * Time limit of one judgement; then the judge model's request is abandoned (Spring AI's OpenAI client cancels
		 * its HTTP call), the judgement is counted as a time-out and the slot takes the next judgement.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		/**
		 * Baseline written by the regression gate (JSON, mean score by criterion and stage) that
		 * 'llmobs.judge.drift' subtracts from the rolling mean score. Unset: no drift gauge.
		 */
		private @Nullable Resource baseline;

		/**
		 * Latest scores per criterion and stage that the drift gauge's rolling mean covers.
		 */
		private int driftWindow = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getSampleRate() {
			return this.sampleRate;
		}

		public void setSampleRate(double sampleRate) {
			this.sampleRate = sampleRate;
		}

		public List<String> getAlwaysOn() {
			return this.alwaysOn;
		}

		public void setAlwaysOn(List<String> alwaysOn) {
			this.alwaysOn = alwaysOn;
		}

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		public List<String> getCriteria() {
			return this.criteria;
		}

		public void setCriteria(List<String> criteria) {
			this.criteria = criteria;
		}

		public @Nullable Resource getRubric() {
			return this.rubric;
		}

		public void setRubric(@Nullable Resource rubric) {
			this.rubric = rubric;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public int getMaxPerMinute() {
			return this.maxPerMinute;
		}

		public void setMaxPerMinute(int maxPerMinute) {
			this.maxPerMinute = maxPerMinute;
		}

		public double getDailyBudgetUsd() {
			return this.dailyBudgetUsd;
		}

		public void setDailyBudgetUsd(double dailyBudgetUsd) {
			this.dailyBudgetUsd = dailyBudgetUsd;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Resource getBaseline() {
			return this.baseline;
		}

		public void setBaseline(@Nullable Resource baseline) {
			this.baseline = baseline;
		}

		public int getDriftWindow() {
			return this.driftWindow;
		}

		public void setDriftWindow(int driftWindow) {
			this.driftWindow = driftWindow;
		}

		void validate(Errors errors) {
			if (this.sampleRate < 0 || this.sampleRate > 1) {
				reject(errors, "judge.sample-rate", "must be in [0, 1], not " + this.sampleRate);
			}
			for (String trigger : this.alwaysOn) {
				if (!TRIGGERS.contains(trigger)) {
					reject(errors, "judge.always-on",
							"'" + trigger + "' is not one of " + String.join(", ", TRIGGERS));
				}
			}
			if (this.criteria.isEmpty()) {
				reject(errors, "judge.criteria", "must name at least one criterion");
			}
			for (String criterion : this.criteria) {
				if (criterion == null || !CRITERION.matcher(criterion).matches()) {
					reject(errors, "judge.criteria",
							"'" + criterion + "' must be lower case letters, digits and underscores");
				}
			}
			if (this.model != null && this.model.isBlank()) {
				reject(errors, "judge.model", "must not be blank");
			}
			atLeastOne(errors, this.queueCapacity, "queue-capacity");
			atLeastOne(errors, this.concurrency, "concurrency");
			atLeastOne(errors, this.maxPerMinute, "max-per-minute");
			atLeastOne(errors, this.driftWindow, "drift-window");
			if (this.dailyBudgetUsd < 0) {
				reject(errors, "judge.daily-budget-usd", "must not be negative");
			}
			if (this.timeout == null || this.timeout.isNegative() || this.timeout.isZero()) {
				reject(errors, "judge.timeout", "must be positive");
			}
		}

		private static void atLeastOne(Errors errors, int value, String property) {
			if (value < 1) {
				reject(errors, "judge." + property, "must be at least 1");
			}
		}

	}

	/**
	 * Prompt versions.
	 */
	public static class Prompts {

		/**
		 * Whether the prompt registry is loaded and every ChatClient call carries its prompt identity on its spans.
		 */
		private boolean enabled = true;

		/**
		 * Where the prompt templates are: every file directly under it is a prompt named after the file without its
		 * extension. A missing location is an empty registry.
		 */
		private String location = "classpath:/prompts/";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getLocation() {
			return this.location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		void validate(Errors errors) {
			if (this.location == null || this.location.isBlank()) {
				reject(errors, "prompts.location", "must not be blank");
			}
		}

	}

	/**
	 * User feedback on calls.
	 */
	public static class Feedback {

		/**
		 * Whether a FeedbackRecorder bean records user outcomes against the ids of recent calls.
		 */
		private boolean enabled = true;

		/**
		 * The ids of recent calls that feedback can refer to.
		 */
		private final Cache cache = new Cache();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Cache getCache() {
			return this.cache;
		}

		void validate(Errors errors) {
			if (this.cache.getMaxSize() < 1) {
				reject(errors, "feedback.cache.max-size", "must be at least 1");
			}
			Duration expiry = this.cache.getExpireAfterWrite();
			if (expiry == null || expiry.isNegative() || expiry.isZero()) {
				reject(errors, "feedback.cache.expire-after-write",
						"must be positive");
			}
		}

		/**
		 * The ids of recent calls (response ids and trace ids).
		 */
		public static class Cache {

			/**
			 * Ids kept at most; feedback on an id no longer kept is counted as unknown.
			 */
			private long maxSize = 10_000;

			/**
			 * How long after its call an id can receive feedback.
			 */
			private Duration expireAfterWrite = Duration.ofHours(1);

			public long getMaxSize() {
				return this.maxSize;
			}

			public void setMaxSize(long maxSize) {
				this.maxSize = maxSize;
			}

			public Duration getExpireAfterWrite() {
				return this.expireAfterWrite;
			}

			public void setExpireAfterWrite(Duration expireAfterWrite) {
				this.expireAfterWrite = expireAfterWrite;
			}

		}

	}

	/**
	 * Prompt and completion capture on Spring AI's model-call spans.
	 */
	public static class Capture {

		/**
		 * Whether prompts and completions are recorded on model-call spans (gen_ai.system_instructions,
		 * gen_ai.input.messages, gen_ai.output.messages), redacted unless 'llmobs.redaction.enabled' is false.
		 */
		private boolean content;

		/**
		 * Characters of each captured text (message part) kept after redaction.
		 */
		private int maxLength = 4096;

		public boolean isContent() {
			return this.content;
		}

		public void setContent(boolean content) {
			this.content = content;
		}

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

	}

	/**
	 * PII redaction: built-in detectors, user patterns, and what is scanned.
	 */
	public static class Redaction {

		/**
		 * Whether PII in captured content and in Spring AI's content attributes (vector-store query text, tool-call
		 * arguments and results) is replaced by placeholders such as <EMAIL>.
		 */
		private boolean enabled = true;

		/**
		 * Additional detectors: regular expressions by entity type; matches are replaced by <TYPE> and counted
		 * with that type.
		 */
		private final Map<String, String> patterns = new LinkedHashMap<>();

		/**
		 * Regions (ISO 3166 codes) whose national phone numbers, written without a country code, are detected;
		 * numbers with a country code are detected whatever their region.
		 */
		private List<String> phoneRegions = new ArrayList<>(List.of("US"));

		/**
		 * Whether numbers written with '+' and a country code are redacted only when libphonenumber considers them
		 * valid (in a range their country assigned); by default a known country code followed by a national number
		 * of a length the country's numbering plan allows is enough, so that numbers in unassigned or new ranges are
		 * redacted too. National numbers, written without a country code, are always validated.
		 */
		private boolean strictPhoneValidation;

		/**
		 * Characters of each text scanned at most; longer texts are cut there before they are redacted or counted.
		 */
		private int maxScanLength = 65_536;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, String> getPatterns() {
			return this.patterns;
		}

		public List<String> getPhoneRegions() {
			return this.phoneRegions;
		}

		public void setPhoneRegions(List<String> phoneRegions) {
			this.phoneRegions = phoneRegions;
		}

		public boolean isStrictPhoneValidation() {
			return this.strictPhoneValidation;
		}

		public void setStrictPhoneValidation(boolean strictPhoneValidation) {
			this.strictPhoneValidation = strictPhoneValidation;
		}

		public int getMaxScanLength() {
			return this.maxScanLength;
		}

		public void setMaxScanLength(int maxScanLength) {
			this.maxScanLength = maxScanLength;
		}

		void validate(Errors errors) {
			if (this.maxScanLength < 1) {
				reject(errors, "redaction.max-scan-length", "must be at least 1");
			}
			this.patterns.forEach((type, regex) -> {
				String property = "redaction.patterns." + type;
				if (!type.matches("[A-Za-z][A-Za-z0-9_-]{0,31}")) {
					reject(errors, property, "must be named with letters, digits, '-' and '_' (at most 32)");
				}
				else if (regex == null || regex.isEmpty()) {
					reject(errors, property, "must not be empty");
				}
				else {
					try {
						if (Pattern.compile(regex).matcher("").matches()) {
							reject(errors, property, "must not match the empty string");
						}
					}
					catch (PatternSyntaxException ex) {
						reject(errors, property, "is not a valid regular expression: " + ex.getDescription());
					}
				}
			});
		}

	}

	/**
	 * PII counts of the messages sent to and received from models.
	 */
	public static class Pii {

		/**
		 * Whether the inputs and outputs of every model call are scanned to count PII entities in
		 * 'llmobs.pii.entities', whether content is captured or not.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
