package io.llmobs.autoconfigure.context;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the context-window accounting, under {@code llmobs.context}: tokens
 * per prompt section and the fill ratio of the model's window. Validates what a field
 * constraint cannot: that the block ratio is not below the warn ratio.
 */
@ConfigurationProperties("llmobs.context")
@Validated
public class LlmObsContextProperties implements Validator {

	/**
	 * Whether the sections of every prompt are counted before each model call.
	 */
	private boolean enabled = true;

	/**
	 * Utilization (estimated prompt tokens over the model's context window) at which a
	 * model call counts as a threshold crossing, in (0, 1].
	 */
	@Positive
	@DecimalMax("1")
	private double warnRatio = 0.8;

	/**
	 * Utilization above which a ChatClient call fails fast with a
	 * ContextWindowExceededException before it is sent, in (0, 1] and not below the warn
	 * ratio. Unset: never block.
	 */
	@Positive
	@DecimalMax("1")
	private @Nullable Double blockRatio;

	/**
	 * The cache of token counts per text.
	 */
	@Valid
	private final Cache cache = new Cache();

	/**
	 * The background tokenizer.
	 */
	@Valid
	private final Tokenizer tokenizer = new Tokenizer();

	/**
	 * Calibration of the estimate against the provider's reported input tokens.
	 */
	@Valid
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

	@Override
	public boolean supports(Class<?> type) {
		return LlmObsContextProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		LlmObsContextProperties properties = (LlmObsContextProperties) target;
		Double block = properties.getBlockRatio();
		if (block != null && block < properties.getWarnRatio()) {
			errors.rejectValue("blockRatio", "belowWarnRatio",
					"must not be below llmobs.context.warn-ratio (" + properties.getWarnRatio() + ")");
		}
	}

	/**
	 * The cache of token counts, one entry per distinct text (message, document, tool
	 * schema).
	 */
	public static class Cache {

		/**
		 * Texts whose token count is kept at most. Each entry holds a reference to its
		 * text.
		 */
		@Min(1)
		private long maxSize = 10_000;

		/**
		 * How long a text's count is kept after it was last read from the cache. The
		 * texts looked up last are also remembered by identity in a small table in front
		 * of the cache, which keeps no text alive.
		 */
		@NotNull
		@DurationMin(nanos = 1)
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
	 * The single background thread that tokenizes texts not cached yet, off the request
	 * path.
	 */
	public static class Tokenizer {

		/**
		 * Texts waiting to be tokenized at most; further new texts are estimated from
		 * their length.
		 */
		@Min(1)
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
		 * Weight of the newest call in the moving average of provider-reported over
		 * estimated tokens, in (0, 1].
		 */
		@Positive
		@DecimalMax("1")
		private double smoothing = 0.2;

		public double getSmoothing() {
			return this.smoothing;
		}

		public void setSmoothing(double smoothing) {
			this.smoothing = smoothing;
		}

	}

}
