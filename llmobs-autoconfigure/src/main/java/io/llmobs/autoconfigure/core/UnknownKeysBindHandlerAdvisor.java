package io.llmobs.autoconfigure.core;

import io.llmobs.autoconfigure.core.LlmObsProperties.UnknownKeys;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Puts the check of unknown {@code llmobs.*} properties into every binding of
 * configuration properties, innermost, so that it sees what the other advisors' handlers
 * bind. Reads {@code llmobs.unknown-keys} itself: a feature's properties may be bound
 * before the kernel's.
 */
final class UnknownKeysBindHandlerAdvisor implements ConfigurationPropertiesBindHandlerAdvisor, Ordered {

	private final Environment environment;

	UnknownKeysBindHandlerAdvisor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public BindHandler apply(BindHandler bindHandler) {
		UnknownKeys mode = Binder.get(this.environment)
			.bind("llmobs.unknown-keys", UnknownKeys.class)
			.orElse(UnknownKeys.FAIL);
		return new UnknownKeysBindHandler(bindHandler, mode);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
