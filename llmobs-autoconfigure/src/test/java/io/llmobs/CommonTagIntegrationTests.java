package io.llmobs;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.llmobs.chat.LlmObs;
import io.llmobs.core.LlmObsParams;
import io.llmobs.chat.LlmTask;
import io.llmobs.feedback.FeedbackOutcome;
import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cost and every other llmobs series per environment, as an application gets them from
 * Spring Boot's common tags ({@code management.metrics.tags.env}): the tag is on every
 * llmobs series that {@code /actuator/prometheus} shows.
 */
class CommonTagIntegrationTests {

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@Test
	void environmentTagOfBootsCommonTagsIsOnEveryLlmObsSeries() {
		TracedApplication.runner()
			.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "management.metrics.tags.env=staging",
					"llmobs.models.gpt-4o-mini.input-price=0.15", "llmobs.models.gpt-4o-mini.output-price=0.60")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ChatClient client = context.getBean(ChatClient.Builder.class).build();
				server.enqueue(StubResponse.toolCall("call-1", "quote", "{\"destination\":\"Berlin\"}"),
						StubResponse.completion("7.49 EUR"));
				try (LlmTask task = context.getBean(LlmObs.class).task("shipping-quote")) {
					client.prompt("Ship 2 kg to Berlin")
						.tools(new QuoteTools())
						.advisors((advisor) -> advisor.param(LlmObsParams.STAGE, "generate"))
						.call()
						.content();
					task.success();
				}
				client.prompt("count").stream().content().blockLast(Duration.ofSeconds(10));
				client.prompt("hi").options(OpenAiChatOptions.builder().model("acme-llm-9000")).call().content();
				context.getBean(FeedbackRecorder.class).record("unknown-interaction", FeedbackOutcome.ACCEPTED);
				PrometheusMeterRegistry prometheus = context.getBean(PrometheusMeterRegistry.class);
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(
							() -> assertThat(families(prometheus.scrape())).contains("llmobs_chat_ttft_seconds"));
				List<String> series = prometheus.scrape().lines().filter((line) -> line.startsWith("llmobs_")).toList();
				assertThat(families(prometheus.scrape())).contains("llmobs_chat_seconds", "llmobs_tokens_total",
						"llmobs_cost_usd_total", "llmobs_cost_unpriced_total", "llmobs_finish_reason_total",
						"llmobs_task_seconds", "llmobs_task_cost_usd", "llmobs_context_tokens",
						"llmobs_context_utilization", "llmobs_context_window_unknown_total", "llmobs_tool_seconds",
						"llmobs_agent_iterations", "llmobs_feedback_unknown_total",
						"llmobs_instrumentation_errors_total");
				assertThat(series).allSatisfy((line) -> assertThat(line).contains("env=\"staging\""));
			});
	}

	/** The metric family names of the llmobs series in a scrape. */
	private static Set<String> families(String scrape) {
		Set<String> families = new TreeSet<>();
		scrape.lines()
			.filter((line) -> line.startsWith("# TYPE llmobs_"))
			.forEach((line) -> families.add(line.split(" ")[2]));
		return families;
	}

	static class QuoteTools {

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			return destination + ": 7.49 EUR";
		}

	}

}
