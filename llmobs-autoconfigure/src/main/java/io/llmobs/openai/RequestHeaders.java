package io.llmobs.openai;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * The HTTP headers that the chat options of one client add to a model call's request:
 * where the correlation id of a stream travels. One implementation per client, loaded
 * only when that client is on the class path.
 */
interface RequestHeaders {

	/**
	 * The headers that the options add to the request.
	 * @param options a model call's options
	 * @return the headers, empty when there are none, or {@code null} when the options
	 * are not this client's
	 */
	@Nullable Map<String, String> of(ChatOptions options);

	/**
	 * A copy of the options that adds the given headers to the request.
	 * @param options options of this client
	 * @param headers every header to add, those of the options included
	 * @return the copy
	 */
	ChatOptions with(ChatOptions options, Map<String, String> headers);

}
