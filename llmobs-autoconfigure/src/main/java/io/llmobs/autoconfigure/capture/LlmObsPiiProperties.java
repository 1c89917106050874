package io.llmobs.autoconfigure.capture;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the PII counts of the messages sent to and received from models, under
 * {@code llmobs.pii}.
 */
@ConfigurationProperties("llmobs.pii")
@Validated
public class LlmObsPiiProperties {

	/**
	 * Whether the inputs and outputs of every model call are scanned to count PII
	 * entities in 'llmobs.pii.entities', whether content is captured or not.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
