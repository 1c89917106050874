package io.llmobs.autoconfigure.semconv;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the OpenTelemetry GenAI semantic conventions on exported spans, under
 * {@code llmobs.semconv}.
 */
@ConfigurationProperties("llmobs.semconv")
public class LlmObsSemconvProperties {

	/**
	 * Whether exported spans keep the names and values that are not the registry's
	 * (gen_ai.system, gen_ai.usage.total_tokens, the operation names 'framework',
	 * 'embedding' and 'evaluate'), for dashboards and trace queries that use them.
	 * Numbers and lists are typed either way.
	 */
	private boolean legacyAttributes;

	public boolean isLegacyAttributes() {
		return this.legacyAttributes;
	}

	public void setLegacyAttributes(boolean legacyAttributes) {
		this.legacyAttributes = legacyAttributes;
	}

}
