package io.llmobs.autoconfigure.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the llmobs console, under {@code llmobs.console}.
 */
@ConfigurationProperties("llmobs.console")
@Validated
public class LlmObsConsoleProperties {

	/**
	 * Whether the application serves the console page, which shows the llmobs figures and
	 * the recent model calls. Off by default: when on, protect its path as the Actuator
	 * endpoints are protected.
	 */
	private boolean enabled;

	/**
	 * Path of the console page; its data and assets are served below it.
	 */
	@Pattern(regexp = "/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]",
			message = "must start with '/', not end with '/' and hold only letters, digits and . _ ~ - /")
	private String path = "/llmobs";

	/**
	 * Model calls kept for the recent-calls view, the oldest overwritten.
	 */
	@Min(1)
	@Max(10000)
	private int recentCalls = 100;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public int getRecentCalls() {
		return this.recentCalls;
	}

	public void setRecentCalls(int recentCalls) {
		this.recentCalls = recentCalls;
	}

}
