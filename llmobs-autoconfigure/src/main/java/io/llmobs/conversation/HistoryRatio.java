package io.llmobs.conversation;

import io.llmobs.context.ContextAccount;
import io.llmobs.context.ContextSection;
import org.jspecify.annotations.Nullable;

/**
 * The history section's share of the context window: what grows turn by turn in a
 * conversation with chat memory, until the window overflows.
 */
final class HistoryRatio {

	private HistoryRatio() {
	}

	/**
	 * The share of the window that the history fills.
	 * @param account the context accounting of a model call, or {@code null}
	 * @return history tokens over the window, {@code null} without an accounting or a
	 * known window
	 */
	static @Nullable Double of(@Nullable ContextAccount account) {
		if (account == null) {
			return null;
		}
		Integer window = account.window();
		return (window != null && window > 0) ? (double) account.sections().get(ContextSection.HISTORY) / window : null;
	}

}
