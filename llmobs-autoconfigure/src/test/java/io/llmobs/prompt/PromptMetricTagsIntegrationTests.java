package io.llmobs.prompt;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StartupFailures;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompt name and version as tags of {@code llmobs.chat}, {@code llmobs.tokens} and
 * {@code llmobs.cost}: full auto-configuration, Spring AI's OpenAI client over real HTTP
 * to a local OpenAI-compatible server, a simple meter registry.
 */
class PromptMetricTagsIntegrationTests {

	private static final String[] PROMPTED_METERS = { "llmobs.chat", "llmobs.tokens", "llmobs.cost" };

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("llmobs.prompts.location=classpath:/test-prompts/");

	@Test
	void chatTokenAndCostMetersAreSplitByPromptNameAndVersion() {
		run(this.runner, (context) -> {
			RegisteredPrompt answer = context.getBean(PromptRegistry.class).get("answer");
			ChatClient chatClient = chatClient(context);
			chatClient.prompt()
				.system(answer.template().render(Map.of("carrier", "Parcelo")))
				.user("What does a parcel to Berlin cost?")
				.call()
				.content();
			chatClient.prompt("Hello").call().content();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			for (String name : PROMPTED_METERS) {
				assertThat(meters.get(name).tags("prompt", "answer", "prompt_version", answer.version()).meters())
					.as(name + " of the registry prompt")
					.isNotEmpty();
				assertThat(meters.get(name).tags("prompt", "none", "prompt_version", "none").meters())
					.as(name + " of the call without a prompt")
					.isNotEmpty();
			}
			assertThat(meters.get("llmobs.tokens")
				.tags("prompt", "answer", "type", "input", "stage", "default", "tenant", "none")
				.counter()
				.count()).isPositive();
		});
	}

	@Test
	void pairsPastTheLimitAreTaggedOther() {
		run(this.runner.withPropertyValues("llmobs.prompts.metric-tags.max-values=1"), (context) -> {
			ChatClient chatClient = chatClient(context);
			for (String version : new String[] { "v1", "v2", "v1" }) {
				chatClient.prompt("Hello")
					.advisors((a) -> a.param(LlmObsParams.PROMPT_NAME, "triage")
						.param(LlmObsParams.PROMPT_VERSION, version))
					.call()
					.content();
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("llmobs.chat").tags("prompt", "triage", "prompt_version", "v1").timer().count())
				.isEqualTo(2);
			assertThat(meters.get("llmobs.chat").tags("prompt", "other", "prompt_version", "other").timer().count())
				.isOne();
		});
	}

	@Test
	void switchedOffTheMetersKeepTheirFormerTags() {
		run(this.runner.withPropertyValues("llmobs.prompts.metric-tags.enabled=false"), (context) -> {
			chatClient(context).prompt("Hello")
				.advisors((a) -> a.param(LlmObsParams.PROMPT_NAME, "triage"))
				.call()
				.content();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			for (String name : PROMPTED_METERS) {
				assertThat(meters.get(name).meters()).as(name)
					.isNotEmpty()
					.allSatisfy((meter) -> assertThat(tagKeys(meter)).doesNotContain("prompt", "prompt_version"));
			}
		});
	}

	@Test
	void invalidLimitFailsStartUpNamingTheProperty() {
		StartupFailures.assertNames(this.runner, "llmobs.prompts.metric-tags.max-values=0",
				"llmobs.prompts.metric-tags.max-values");
	}

	private static List<String> tagKeys(Meter meter) {
		return meter.getId().getTags().stream().map(Tag::getKey).toList();
	}

	private static void run(ApplicationContextRunner runner, Consumer<AssertableApplicationContext> test) {
		server.reset();
		runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

}
