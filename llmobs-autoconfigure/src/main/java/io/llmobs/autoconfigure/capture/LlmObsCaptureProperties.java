package io.llmobs.autoconfigure.capture;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of prompt and completion capture on Spring AI's model-call spans, under
 * {@code llmobs.capture}.
 */
@ConfigurationProperties("llmobs.capture")
@Validated
public class LlmObsCaptureProperties {

	/**
	 * Whether prompts and completions are recorded on model-call spans
	 * (gen_ai.system_instructions, gen_ai.input.messages, gen_ai.output.messages),
	 * redacted unless 'llmobs.redaction.enabled' is false.
	 */
	private boolean content;

	/**
	 * Characters of each captured text (message part) kept after redaction.
	 */
	@Min(1)
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
