package io.llmobs.boot3;

import java.util.function.Consumer;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared {@link TracedApplication} as a Spring Boot 3.5 and Spring AI 1.1 application
 * configures it: Spring AI 1.1's OpenAI client takes the server's root as its base URL
 * (it adds {@code /v1} itself) and its model under {@code chat.options}; its retries are
 * Spring AI's {@code spring.ai.retry.*}.
 */
final class Boot3Application {

	private Boot3Application() {
	}

	/**
	 * A runner of the application with Spring AI's OpenAI client pointed at the server.
	 * @param server the OpenAI-compatible server
	 * @return the runner
	 */
	static ApplicationContextRunner runner(OpenAiCompatibleServer server) {
		return new ApplicationContextRunner().withUserConfiguration(TracedApplication.class)
			.withPropertyValues(properties(server));
	}

	/**
	 * The application's properties, with Spring AI's MCP client and server off unless a
	 * test turns them on.
	 * @param server the OpenAI-compatible server
	 * @return the properties
	 */
	static String[] properties(OpenAiCompatibleServer server) {
		return new String[] { "spring.ai.openai.api-key=test-key", "spring.ai.openai.base-url=" + server.rootUrl(),
				"spring.ai.openai.chat.options.model=gpt-4o-mini", "spring.ai.retry.max-attempts=1",
				"management.tracing.sampling.probability=1.0", "spring.ai.mcp.server.enabled=false",
				"spring.ai.mcp.client.enabled=false" };
	}

	/**
	 * Runs a test in the application, which must start, and whose instrumentation must
	 * not have failed once on this line.
	 * @param runner the runner
	 * @param test the test
	 */
	static void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
			assertThat(meters(context).find(InstrumentationErrors.METER_NAME).counters())
				.as("failures of llmobs's own instrumentation")
				.allSatisfy((errors) -> assertThat(errors.count()).as(errors.getId().toString()).isZero());
		});
	}

	static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	static MeterRegistry meters(AssertableApplicationContext context) {
		return context.getBean(MeterRegistry.class);
	}

	static double tokens(MeterRegistry meters, String stage, String type) {
		return meters.get("llmobs.tokens").tags("stage", stage, "type", type).counter().count();
	}

}
