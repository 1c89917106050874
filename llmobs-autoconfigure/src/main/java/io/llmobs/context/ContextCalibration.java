package io.llmobs.context;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.knuddels.jtokkit.api.EncodingType;
import org.jspecify.annotations.Nullable;

/**
 * Learns, per model, how the provider's reported input tokens relate to the estimate:
 * after each call the ratio {@code reported / estimated} goes into an exponentially
 * weighted moving average, the correction factor applied to the next estimates. The first
 * call sets the factor outright, so a model whose tokenizer differs by a constant factor
 * is corrected from its second call on. Prompts with tool definitions are learned apart
 * from plain ones (key {@code <model> +tools}): providers render tool schemas in formats
 * of their own, so their ratio differs.
 */
public final class ContextCalibration {

	/** Models tracked at most; calls to further models are estimated uncorrected. */
	static final int MAX_MODELS = 256;

	/**
	 * Ratios outside this range are not a tokenizer difference (images, provider-side
	 * additions) and are ignored.
	 */
	private static final double MIN_RATIO = 0.25;

	private static final double MAX_RATIO = 4.0;

	private static final String UNKNOWN_MODEL = "unknown";

	private static final String WITH_TOOLS = " +tools";

	private final double smoothing;

	/** Per model id, for prompts without tool definitions. */
	private final Map<String, ModelCalibration> plain = new ConcurrentHashMap<>();

	/** Per model id, for prompts with tool definitions. */
	private final Map<String, ModelCalibration> withTools = new ConcurrentHashMap<>();

	/**
	 * Creates the calibration.
	 * @param smoothing the weight of the newest ratio in the moving average, in (0, 1]
	 */
	ContextCalibration(double smoothing) {
		if (!(smoothing > 0 && smoothing <= 1)) {
			throw new IllegalArgumentException("smoothing must be in (0, 1], not " + smoothing);
		}
		this.smoothing = smoothing;
	}

	/**
	 * The calibration of a model's plain prompts, created on first use.
	 * @param modelId the requested model, or {@code null}
	 * @return its calibration; an uncorrected one past {@link #MAX_MODELS}
	 */
	ModelCalibration of(@Nullable String modelId) {
		return of(modelId, false);
	}

	/**
	 * The calibration of a model's prompts, with or without tool definitions, created on
	 * first use.
	 * @param modelId the requested model, or {@code null}
	 * @param tools whether the prompt carries tool definitions
	 * @return its calibration; an uncorrected one past {@link #MAX_MODELS}
	 */
	ModelCalibration of(@Nullable String modelId, boolean tools) {
		String model = (modelId != null) ? modelId : UNKNOWN_MODEL;
		Map<String, ModelCalibration> models = tools ? this.withTools : this.plain;
		ModelCalibration calibration = models.get(model);
		if (calibration == null) {
			if (this.plain.size() + this.withTools.size() >= MAX_MODELS) {
				return new ModelCalibration(TokenEncodings.forModel(modelId), this.smoothing);
			}
			calibration = models.computeIfAbsent(model,
					(id) -> new ModelCalibration(TokenEncodings.forModel(modelId), this.smoothing));
		}
		return calibration;
	}

	/**
	 * What was learned so far, for the actuator endpoint.
	 * @return each model's calibration, by model id ({@code <model> +tools} for prompts
	 * with tool definitions)
	 */
	public Map<String, ModelCalibration.Snapshot> snapshot() {
		Map<String, ModelCalibration.Snapshot> snapshot = new TreeMap<>();
		addTo(snapshot, this.plain, "");
		addTo(snapshot, this.withTools, WITH_TOOLS);
		return snapshot;
	}

	private static void addTo(Map<String, ModelCalibration.Snapshot> snapshot, Map<String, ModelCalibration> models,
			String suffix) {
		models.forEach((model, calibration) -> {
			if (calibration.samples() > 0) {
				snapshot.put(model + suffix, calibration.snapshot());
			}
		});
	}

	/** The encoding and the learned correction of one model. */
	public static final class ModelCalibration {

		private final EncodingType encoding;

		private final double smoothing;

		private volatile double factor = 1.0;

		private long samples;

		private double rawError;

		private double calibratedError;

		ModelCalibration(EncodingType encoding, double smoothing) {
			this.encoding = encoding;
			this.smoothing = smoothing;
		}

		EncodingType encoding() {
			return this.encoding;
		}

		double factor() {
			return this.factor;
		}

		/**
		 * Learns from one call.
		 * @param estimated the uncorrected estimate
		 * @param calibrated the estimate after the correction in force when the call was
		 * made
		 * @param reported the input tokens the provider reported
		 * @return the absolute relative error of the calibrated estimate, or {@code null}
		 * when the call says nothing about the tokenizer
		 */
		synchronized @Nullable Double learn(long estimated, long calibrated, long reported) {
			if (estimated <= 0 || reported <= 0) {
				return null;
			}
			double ratio = (double) reported / estimated;
			if (ratio < MIN_RATIO || ratio > MAX_RATIO) {
				return null;
			}
			double error = Math.abs(calibrated - reported) / (double) reported;
			double raw = Math.abs(estimated - reported) / (double) reported;
			if (this.samples == 0) {
				this.factor = ratio;
				this.rawError = raw;
				this.calibratedError = error;
			}
			else {
				this.factor += this.smoothing * (ratio - this.factor);
				this.rawError += this.smoothing * (raw - this.rawError);
				this.calibratedError += this.smoothing * (error - this.calibratedError);
			}
			this.samples++;
			return error;
		}

		synchronized long samples() {
			return this.samples;
		}

		synchronized Snapshot snapshot() {
			return new Snapshot(this.encoding.getName(), this.factor, this.samples, this.rawError,
					this.calibratedError);
		}

		/**
		 * A model's calibration at one moment.
		 *
		 * @param encoding the jtokkit encoding used for the model
		 * @param factor the correction applied to the estimate
		 * @param samples calls learned from
		 * @param uncorrectedError moving average of the absolute relative error without
		 * the correction
		 * @param correctedError moving average of the absolute relative error of the
		 * published estimate
		 */
		public record Snapshot(String encoding, double factor, long samples, double uncorrectedError,
				double correctedError) {
		}

	}

}
