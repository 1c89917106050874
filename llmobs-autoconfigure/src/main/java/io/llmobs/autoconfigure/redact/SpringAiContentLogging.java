package io.llmobs.autoconfigure.redact;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;

/**
 * Spring AI's switches that write prompts, completions or retrieved documents to the
 * application log: that text is not redacted by llmobs, so each one switched on gets a
 * WARN at start-up.
 */
final class SpringAiContentLogging {

	/** The switches, all off by default in Spring AI. */
	static final List<String> PROPERTIES = List.of("spring.ai.chat.observations.log-prompt",
			"spring.ai.chat.observations.log-completion", "spring.ai.chat.client.observations.log-prompt",
			"spring.ai.chat.client.observations.log-completion", "spring.ai.image.observations.log-prompt",
			"spring.ai.vectorstore.observations.log-query-response");

	private static final Log logger = LogFactory.getLog(SpringAiContentLogging.class);

	private SpringAiContentLogging() {
	}

	/** Warns about every switch that is on. */
	static void warnIfEnabled(Environment environment) {
		for (String property : PROPERTIES) {
			if (environment.getProperty(property, Boolean.class, false)) {
				logger.warn(property + "=true writes raw content to the application log, where llmobs does not "
						+ "redact it; turn it off and use llmobs.capture.content for redacted prompts and completions");
			}
		}
	}

}
