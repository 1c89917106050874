package io.llmobs.autoconfigure.cost;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import io.llmobs.cost.CatalogRefresh;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the model catalog: the models llmobs prices and whose context windows
 * it knows, under {@code llmobs.models} and {@code llmobs.catalog}. Validates what a
 * field constraint cannot: that a model's {@code match} and {@code also-match} are
 * regular expressions, and that the catalog's location and durations can be used.
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
	 * The bundled model catalog, and the catalog loaded over it.
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
		LlmObsCostProperties properties = (LlmObsCostProperties) target;
		properties.getModels().forEach((key, settings) -> {
			validateRegex(settings.getMatch(), "models[" + key + "].match", errors);
			validateRegex(settings.getAlsoMatch(), "models[" + key + "].also-match", errors);
		});
		Catalog catalog = properties.getCatalog();
		String location = catalog.getLocation();
		if (location != null && !CatalogRefresh.supports(location)) {
			errors.rejectValue("catalog.location", "location",
					"is not a 'classpath:', 'file:', or 'http:' or 'https:' URL with a host");
		}
		validatePositive(catalog.getRefreshInterval(), "catalog.refresh-interval", errors);
		validatePositive(catalog.getTimeout(), "catalog.timeout", errors);
	}

	private static void validateRegex(@Nullable String regex, String field, Errors errors) {
		if (regex != null) {
			try {
				Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				errors.rejectValue(field, "regex", "is not a valid regular expression: " + ex.getDescription());
			}
		}
	}

	private static void validatePositive(Duration duration, String field, Errors errors) {
		if (duration.isNegative() || duration.isZero()) {
			errors.rejectValue(field, "positive", "must be positive");
		}
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
		 * Regular expression of further model ids of the entry (case-insensitive),
		 * matched besides its 'match' pattern: Azure OpenAI deployment names, for
		 * example, priced as the entry's model.
		 */
		private @Nullable String alsoMatch;

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

		public @Nullable String getAlsoMatch() {
			return this.alsoMatch;
		}

		public void setAlsoMatch(@Nullable String alsoMatch) {
			this.alsoMatch = alsoMatch;
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
	 * The bundled, dated model catalog, and a catalog loaded over it from a location.
	 */
	public static class Catalog {

		/**
		 * Whether the bundled catalog of prices and context windows is used under the
		 * 'llmobs.models' entries.
		 */
		private boolean enabled = true;

		/**
		 * Catalog loaded at start-up and refreshed, merged over the bundled one and under
		 * the 'llmobs.models' entries: a 'classpath:', 'file:', 'http:' or 'https:'
		 * location of a document in llmobs's catalog format or LiteLLM's
		 * 'model_prices_and_context_window.json' format. A local one that cannot be
		 * loaded at start-up fails start-up; a remote one leaves the bundled catalog in
		 * use until a refresh succeeds.
		 */
		private @Nullable String location;

		/**
		 * Time between the end of a load of the catalog at 'location' and the start of
		 * the next.
		 */
		private Duration refreshInterval = Duration.ofHours(24);

		/**
		 * Longest time an HTTP load of the catalog may take, connection and whole body
		 * included.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getLocation() {
			return this.location;
		}

		public void setLocation(@Nullable String location) {
			this.location = location;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
