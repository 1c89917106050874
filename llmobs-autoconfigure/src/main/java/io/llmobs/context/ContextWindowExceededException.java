package io.llmobs.context;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by the block guard, before anything is sent, when a prompt would fill more of
 * the model's context window than {@code llmobs.context.block-ratio} allows. The message
 * names every section and its size.
 */
public class ContextWindowExceededException extends RuntimeException {

	private final @Nullable String model;

	private final long tokens;

	private final int window;

	private final double blockRatio;

	private final Map<String, Long> sections;

	/**
	 * Creates the exception.
	 * @param account the accounting of the refused prompt; its window is known
	 * @param window the model's context window
	 * @param blockRatio the configured block ratio
	 */
	public ContextWindowExceededException(ContextAccount account, int window, double blockRatio) {
		super(message(account, window, blockRatio));
		this.model = account.modelId();
		this.tokens = account.tokens();
		this.window = window;
		this.blockRatio = blockRatio;
		this.sections = account.sections().asMap();
	}

	private static String message(ContextAccount account, int window, double blockRatio) {
		return String.format(Locale.ROOT,
				"Prompt for model %s not sent: an estimated %,d tokens fill %.1f%% of its %,d-token context window, "
						+ "above llmobs.context.block-ratio %.2f. Sections: %s",
				account.modelId(), account.tokens(), 100.0 * account.tokens() / window, window, blockRatio,
				account.sections());
	}

	/**
	 * The model the prompt was meant for.
	 * @return the model id, or {@code null}
	 */
	public @Nullable String getModel() {
		return this.model;
	}

	/**
	 * The estimated tokens of the prompt.
	 * @return the calibrated estimate
	 */
	public long getTokens() {
		return this.tokens;
	}

	/**
	 * The model's context window.
	 * @return the window in tokens
	 */
	public int getWindow() {
		return this.window;
	}

	/**
	 * The configured block ratio.
	 * @return {@code llmobs.context.block-ratio}
	 */
	public double getBlockRatio() {
		return this.blockRatio;
	}

	/**
	 * The tokens of each section.
	 * @return section tag value to tokens
	 */
	public Map<String, Long> getSections() {
		return this.sections;
	}

}
