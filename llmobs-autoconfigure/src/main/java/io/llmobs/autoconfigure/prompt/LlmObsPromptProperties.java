package io.llmobs.autoconfigure.prompt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of prompt versions, under {@code llmobs.prompts}: the prompt registry and
 * the prompt identity of calls.
 */
@ConfigurationProperties("llmobs.prompts")
@Validated
public class LlmObsPromptProperties {

	/**
	 * Whether the prompt registry is loaded and every ChatClient call carries its prompt
	 * identity on its spans.
	 */
	private boolean enabled = true;

	/**
	 * Where the prompt templates are: every file directly under it is a prompt named
	 * after the file without its extension. A missing location is an empty registry.
	 */
	@NotBlank
	private String location = "classpath:/prompts/";

	/**
	 * Prompt name and version as tags of the chat, token, cost and judge-score meters.
	 */
	@Valid
	private final MetricTags metricTags = new MetricTags();

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

	public MetricTags getMetricTags() {
		return this.metricTags;
	}

	/**
	 * The {@code prompt} and {@code prompt_version} tags of {@code llmobs.chat},
	 * {@code llmobs.tokens}, {@code llmobs.cost} and {@code llmobs.judge.score}.
	 */
	public static class MetricTags {

		/**
		 * Whether those meters carry the prompt name and version of each call
		 * ({@code none} for calls without a named prompt).
		 */
		private boolean enabled = true;

		/**
		 * Distinct prompt name and version pairs admitted as tag values before later
		 * pairs are tagged 'other'.
		 */
		@Min(1)
		private int maxValues = 20;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxValues() {
			return this.maxValues;
		}

		public void setMaxValues(int maxValues) {
			this.maxValues = maxValues;
		}

	}

}
