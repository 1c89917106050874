package io.llmobs.sample;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Fails start-up on an unknown {@code sample.provider}, naming the property, before
 * Spring AI looks for a chat model of a provider that {@code spring.ai.model.chat} (set
 * from it in {@code application.yml}) names no auto-configuration for.
 */
final class ChatProviderCheck implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder.get(environment).bind("sample.provider", SampleProperties.Provider.class);
	}

}
