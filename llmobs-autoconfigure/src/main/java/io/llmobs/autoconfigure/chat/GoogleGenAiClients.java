package io.llmobs.autoconfigure.chat;

import java.util.function.BooleanSupplier;

import com.google.genai.Client;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Whether the application's Google GenAI client calls Vertex AI rather than the Gemini
 * API, for the {@code gen_ai.provider.name} of Spring AI's Google GenAI calls.
 */
final class GoogleGenAiClients {

	private static final boolean PRESENT = ClassUtils.isPresent("com.google.genai.Client",
			GoogleGenAiClients.class.getClassLoader());

	private GoogleGenAiClients() {
	}

	/**
	 * Asks the unique Google GenAI {@link Client} bean when called: {@code false} without
	 * one, the Gemini API being the client's default.
	 */
	static BooleanSupplier vertexAi(BeanFactory beanFactory) {
		return () -> PRESENT && VertexAi.of(beanFactory);
	}

	/** Kept apart so that the Google GenAI SDK is only loaded when present. */
	private static final class VertexAi {

		static boolean of(BeanFactory beanFactory) {
			Client client = beanFactory.getBeanProvider(Client.class).getIfUnique();
			return client != null && client.vertexAI();
		}

	}

}
