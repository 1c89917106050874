package io.llmobs.autoconfigure.cost;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the model catalog: the models llmobs prices and whose context windows
 * it knows, under {@code llmobs.models} and {@code llmobs.catalog}. Validates what a
 * field constraint cannot: that a model's {@code match} is a regular expression.
 */
@ConfigurationProperties("llmobs")
@Validated
public class LlmObsCostProperties implements Validator {

	/**
	 * Model entries by key: add models, or override prices and windows of the catalog's
	 * entry with the same key.
	 */
	private final Map<String, @Valid ModelSettings> models = new LinkedHashMap<>();

	/**
	 * The bundled model catalog.
	 */
	@Valid
	private final Catalog catalog = new Catalog();

	public Map<String, ModelSettings> getModels() {
		return this.models;
	}

	public Catalog getCatalog() {
		return this.catalog;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmObsCostProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		((LlmObsCostProperties) target).getModels().forEach((key, settings) -> {
			String match = settings.getMatch();
			if (match != null) {
				try {
					Pattern.compile(match);
				}
				catch (PatternSyntaxException ex) {
					errors.rejectValue("models[" + key + "].match", "regex",
							"is not a valid regular expression: " + ex.getDescription());
				}
			}
		});
	}

	/**
	 * One model entry. Unset values are taken from the catalog entry with the same key.
	 */
	public static class ModelSettings {

		/**
		 * Regular expression that a whole model id must match (case-insensitive); the
		 * response model is tried first, then the request model. Defaults to the catalog
		 * entry's pattern, else the key itself.
		 */
		private @Nullable String match;

		/**
		 * USD per 1M uncached input tokens.
		 */
		@PositiveOrZero
		private @Nullable Double inputPrice;

		/**
		 * USD per 1M output tokens.
		 */
		@PositiveOrZero
		private @Nullable Double outputPrice;

		/**
		 * USD per 1M input tokens read from the provider's prompt cache; the input price
		 * when unset.
		 */
		@PositiveOrZero
		private @Nullable Double cacheReadPrice;

		/**
		 * USD per 1M input tokens written to the provider's prompt cache; the input price
		 * when unset.
		 */
		@PositiveOrZero
		private @Nullable Double cacheWritePrice;

		/**
		 * Maximum input tokens of the model.
		 */
		@Min(1)
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

	}

	/**
	 * The bundled, dated model catalog.
	 */
	public static class Catalog {

		/**
		 * Whether the bundled catalog of prices and context windows is used under the
		 * 'llmobs.models' entries.
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
