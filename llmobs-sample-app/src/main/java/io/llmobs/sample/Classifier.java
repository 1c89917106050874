package io.llmobs.sample;

import java.util.Locale;

import io.llmobs.core.LlmObsParams;

import org.springframework.ai.chat.client.ChatClient;

/**
 * The {@code classify} stage both sample pipelines start with: one model call that names
 * the category of a customer's message, tagged with the stage and the tenant.
 */
public final class Classifier {

	/** The stage of the classifying call. */
	public static final String STAGE = "classify";

	private final ChatClient chatClient;

	private final String systemPrompt;

	/**
	 * Creates a classifier.
	 * @param chatClient the client to call the model with
	 * @param systemPrompt the instructions: classify into one lowercase category word
	 */
	public Classifier(ChatClient chatClient, String systemPrompt) {
		this.chatClient = chatClient;
		this.systemPrompt = systemPrompt;
	}

	/**
	 * Classifies a message.
	 * @param message the customer's message
	 * @param tenant the tenant asking, for cost segmentation
	 * @return the category the model named, in lower case; {@code general} when it named
	 * none
	 */
	public String classify(String message, String tenant) {
		String category = this.chatClient.prompt()
			.system(this.systemPrompt)
			.user(message)
			.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, STAGE).param(LlmObsParams.TENANT, tenant))
			.call()
			.content();
		return (category != null) ? category.strip().toLowerCase(Locale.ROOT) : "general";
	}

}
