package io.llmobs.chat;

/**
 * Told of every instrumented {@code ChatClient} call when it ends ({@code call()} or
 * stream), on the thread that ended it: implementations must return at once and hand
 * anything costly to their own bounded executor.
 */
@FunctionalInterface
public interface ChatCallListener {

	/**
	 * Called once per {@code ChatClient} call, after its metrics are recorded.
	 * @param call what the call was and how it ended
	 */
	void onFinished(FinishedChatCall call);

}
