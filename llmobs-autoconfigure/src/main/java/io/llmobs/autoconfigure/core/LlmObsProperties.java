package io.llmobs.autoconfigure.core;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of what every llmobs feature shares, under {@code llmobs}: the master
 * switch, the default stage and the bounds of the tags filled from application data. Each
 * feature has its own properties under {@code llmobs.<feature>}; an unknown
 * {@code llmobs.*} name fails start-up unless {@code llmobs.unknown-keys} is
 * {@code warn}.
 */
@ConfigurationProperties("llmobs")
@Validated
public class LlmObsProperties {

	/**
	 * Whether llmobs instruments the application. When false, no llmobs bean is created.
	 */
	private boolean enabled = true;

	/**
	 * Stage of calls that set no 'llmobs.stage' advisor parameter.
	 */
	@NotBlank
	private String defaultStage = "default";

	/**
	 * What an 'llmobs.*' property that llmobs does not know does to start-up: 'fail'
	 * names it and stops, 'warn' logs it once and starts. Keep 'fail' unless one
	 * configuration is shared by applications on different llmobs versions: a misspelt
	 * property otherwise leaves its feature at the default.
	 */
	private UnknownKeys unknownKeys = UnknownKeys.FAIL;

	/**
	 * Bounds of the 'stage' tag.
	 */
	@Valid
	private final AttributionTagLimit stage = new AttributionTagLimit(50);

	/**
	 * Bounds of the 'tenant' tag.
	 */
	@Valid
	private final AttributionTagLimit tenant = new AttributionTagLimit(100);

	/**
	 * Bounds of the 'model' tag.
	 */
	@Valid
	private final TagLimit model = new TagLimit(50);

	/**
	 * Bounds of the 'task' tag.
	 */
	@Valid
	private final TagLimit task = new TagLimit(50);

	/**
	 * Bounds of the 'tool' tag.
	 */
	@Valid
	private final TagLimit tool = new TagLimit(50);

	/**
	 * Bounds of the 'guardrail' tag.
	 */
	@Valid
	private final TagLimit guardrail = new TagLimit(20);

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

	public UnknownKeys getUnknownKeys() {
		return this.unknownKeys;
	}

	public void setUnknownKeys(UnknownKeys unknownKeys) {
		this.unknownKeys = unknownKeys;
	}

	public AttributionTagLimit getStage() {
		return this.stage;
	}

	public AttributionTagLimit getTenant() {
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

	/**
	 * The maximum number of distinct values of a tag.
	 */
	public static class TagLimit {

		/**
		 * Distinct tag values admitted before later values are folded into 'other'.
		 */
		@Min(1)
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
	 * The bounds of a tag filled from the application's attribution of a call (stage,
	 * tenant), with the values that are always admitted.
	 */
	public static class AttributionTagLimit extends TagLimit {

		/**
		 * Values that are always their own tag value, never folded into 'other', and do
		 * not count against max-values.
		 */
		private List<String> knownValues = new ArrayList<>();

		AttributionTagLimit(int maxValues) {
			super(maxValues);
		}

		public List<String> getKnownValues() {
			return this.knownValues;
		}

		public void setKnownValues(List<String> knownValues) {
			this.knownValues = knownValues;
		}

	}

	/**
	 * What an unknown {@code llmobs.*} property does to start-up.
	 */
	public enum UnknownKeys {

		/**
		 * Start-up fails, naming the property, its value and where it was set.
		 */
		FAIL,

		/**
		 * One WARN per property at start-up; the property is ignored.
		 */
		WARN

	}

}
