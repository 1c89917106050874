package io.llmobs.context;

import io.llmobs.core.SpanAttributeKey;

/**
 * The sections of a prompt that llmobs accounts for: the closed set of {@code section}
 * tag values.
 */
public enum ContextSection {

	/** System messages. */
	SYSTEM("system"),

	/** The tool schemas sent with the request. */
	TOOL_DEFINITIONS("tool_definitions"),

	/**
	 * Messages before the current user message: earlier turns, for example from a chat
	 * memory advisor.
	 */
	HISTORY("history"),

	/** Documents that a retrieval advisor merged into the prompt. */
	RETRIEVED_DOCUMENTS("retrieved_documents"),

	/** The tool calls of the current turn and their results. */
	TOOL_RESULTS("tool_results"),

	/** The current user message, without the retrieved documents merged into it. */
	USER_INPUT("user_input");

	private static final ContextSection[] VALUES = values();

	private final String tagValue;

	private final String spanAttribute;

	private final SpanAttributeKey spanAttributeKey;

	ContextSection(String tagValue) {
		this.tagValue = tagValue;
		this.spanAttribute = ContextSpanAttributes.TOKENS_PREFIX + tagValue;
		this.spanAttributeKey = SpanAttributeKey.of(this.spanAttribute);
	}

	/**
	 * The tag value.
	 * @return the {@code section} tag value
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * The span attribute that carries this section's tokens.
	 * @return {@code llmobs.context.tokens.<section>}
	 */
	public String spanAttribute() {
		return this.spanAttribute;
	}

	SpanAttributeKey spanAttributeKey() {
		return this.spanAttributeKey;
	}

	static ContextSection[] all() {
		return VALUES;
	}

}
