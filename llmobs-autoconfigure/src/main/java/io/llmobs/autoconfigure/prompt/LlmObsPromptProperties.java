package io.llmobs.autoconfigure.prompt;

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

}
