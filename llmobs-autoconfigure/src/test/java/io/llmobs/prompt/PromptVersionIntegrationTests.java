package io.llmobs.prompt;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Prompt identity as an application gets it: full auto-configuration, templates from the
 * class path, Spring AI's OpenAI client over real HTTP to a local OpenAI-compatible
 * server, spans through the OpenTelemetry SDK.
 */
class PromptVersionIntegrationTests {

	private static final String CLIENT_SPAN = "spring_ai chat_client";

	private static final String MODEL_SPAN = "chat gpt-4o-mini";

	private static final String UNMANAGED = "You quote parcels for {carrier}. Answer with a price in EUR.";

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("llmobs.prompts.location=classpath:/test-prompts/",
				"management.endpoints.web.exposure.include=llmobs");

	@Test
	void callsRenderedFromARegistryTemplateCarryItsNameAndVersionOnEverySpanButNotOnNestedCalls() {
		run((context) -> {
			RegisteredPrompt answer = context.getBean(PromptRegistry.class).get("answer");
			server.enqueue(StubResponse.toolCall("call-1", "zone", "{\"city\":\"Berlin\"}"),
					StubResponse.completion("zone 2"), StubResponse.completion("7.49 EUR, two days."));
			chatClient(context).prompt()
				.system(answer.template().render(Map.of("carrier", "Parcelo")))
				.user("What does a parcel to Berlin cost?")
				.tools(new ZoneTools(chatClient(context)))
				.call()
				.content();
			assertThat(server.chatRequests().get(0).messages().get(0).path("content").asString())
				.startsWith("You are the quoting assistant of Parcelo.");
			List<SpanData> clientSpans = clientSpans(context);
			assertThat(clientSpans).hasSize(2);
			assertIdentity(clientSpans.get(0), "answer", answer.version(), answer.version());
			assertIdentity(clientSpans.get(1), null, null, null);
			List<SpanData> modelSpans = spans(context).stream()
				.filter((span) -> span.getName().equals(MODEL_SPAN))
				.toList();
			assertThat(modelSpans).as("two round trips of the tool loop, one nested call").hasSize(3);
			assertThat(modelSpans)
				.filteredOn((span) -> "answer".equals(attribute(span, PromptSpanAttributes.PROMPT_NAME)))
				.hasSize(2)
				.allSatisfy((span) -> assertIdentity(span, "answer", answer.version(), answer.version()));
		});
	}

	@Test
	void registryTextWithChatClientParamsAndRegistryUserTemplatesAreRecognisedToo() {
		run((context) -> {
			PromptRegistry registry = context.getBean(PromptRegistry.class);
			RegisteredPrompt answer = registry.get("answer");
			chatClient(context).prompt()
				.system((system) -> system.text(answer.text()).param("carrier", "Parcelo"))
				.user("Price to Munich?")
				.call()
				.content();
			RegisteredPrompt classify = registry.get("classify");
			chatClient(context).prompt(classify.template().create()).system("You are terse.").call().content();
			List<SpanData> clientSpans = clientSpans(context);
			assertIdentity(clientSpans.get(0), "answer", answer.version(), answer.version());
			assertIdentity(clientSpans.get(1), "classify", classify.version(),
					PromptVersions.version("You are terse."));
		});
	}

	@Test
	void unmanagedSystemTemplatesAreHashedAsTemplatesNotAsRenderedUserData() {
		run((context) -> {
			ChatClient client = chatClient(context);
			for (String carrier : List.of("Parcelo", "Zoomfreight")) {
				client.prompt()
					.system((system) -> system.text(UNMANAGED).param("carrier", carrier))
					.user("Price?")
					.call()
					.content();
			}
			client.prompt().system(UNMANAGED.replace("EUR", "EUR and days")).user("Price?").call().content();
			assertThat(server.chatRequests().get(1).messages().get(0).path("content").asString())
				.contains("Zoomfreight");
			List<SpanData> clientSpans = clientSpans(context);
			assertThat(clientSpans).hasSize(3);
			String hash = PromptVersions.version(UNMANAGED);
			assertIdentity(clientSpans.get(0), null, null, hash);
			assertIdentity(clientSpans.get(1), null, null, hash);
			assertThat(attribute(clientSpans.get(2), PromptSpanAttributes.PROMPT_HASH)).as("an edit is a new hash")
				.isNotEqualTo(hash)
				.isEqualTo(PromptVersions.version(UNMANAGED.replace("EUR", "EUR and days")));
			assertIdentity(span(spans(context), MODEL_SPAN), null, null, hash);
		});
	}

	@Test
	void advisorParamsNameAPromptAndItsVersionDefaultsToTheHashAndPlainCallsCarryNoIdentity() {
		run((context) -> {
			ChatClient client = chatClient(context);
			client.prompt()
				.system("Be brief.")
				.user("Hi")
				.advisors((a) -> a.param(LlmObsParams.PROMPT_NAME, "greeting"))
				.call()
				.content();
			client.prompt()
				.system("Be brief.")
				.user("Hi")
				.advisors((a) -> a.param(LlmObsParams.PROMPT_NAME, "greeting").param(LlmObsParams.PROMPT_VERSION, "v7"))
				.call()
				.content();
			client.prompt("Hi").call().content();
			List<SpanData> clientSpans = clientSpans(context);
			String hash = PromptVersions.version("Be brief.");
			assertIdentity(clientSpans.get(0), "greeting", hash, hash);
			assertIdentity(clientSpans.get(1), "greeting", "v7", hash);
			assertIdentity(clientSpans.get(2), null, null, null);
		});
	}

	@Test
	void endpointListsTheRegistryAndThePromptsOfCalls() {
		run((context) -> {
			PromptRegistry registry = context.getBean(PromptRegistry.class);
			chatClient(context).prompt()
				.system((system) -> system.text(UNMANAGED).param("carrier", "Parcelo"))
				.user("Price?")
				.call()
				.content();
			chatClient(context).prompt()
				.system(registry.get("classify").text())
				.user("Where is my parcel?")
				.call()
				.content();
			PromptInventory.Snapshot prompts = context.getBean(LlmObsEndpoint.class).llmobs().prompts();
			assertThat(prompts).isNotNull();
			assertThat(prompts.registry())
				.extracting(PromptInventory.Registered::name, PromptInventory.Registered::version)
				.containsExactly(tuple("answer", registry.get("answer").version()),
						tuple("classify", registry.get("classify").version()));
			assertThat(prompts.registry()).allSatisfy((prompt) -> assertThat(prompt.firstSeen()).isNotNull());
			String classify = registry.get("classify").version();
			assertThat(prompts.calls())
				.extracting(PromptInventory.Seen::name, PromptInventory.Seen::version, PromptInventory.Seen::hash)
				.containsExactly(tuple(null, null, PromptVersions.version(UNMANAGED)),
						tuple("classify", classify, classify));
			assertThat(prompts.unlisted()).isZero();
		});
	}

	private static void assertIdentity(SpanData span, String name, String version, String hash) {
		assertThat(attribute(span, PromptSpanAttributes.PROMPT_NAME)).as(span.getName() + " prompt name")
			.isEqualTo(name);
		assertThat(attribute(span, PromptSpanAttributes.PROMPT_VERSION)).as(span.getName() + " prompt version")
			.isEqualTo(version);
		assertThat(attribute(span, PromptSpanAttributes.PROMPT_HASH)).as(span.getName() + " prompt hash")
			.isEqualTo(hash);
	}

	private void run(Consumer<AssertableApplicationContext> test) {
		server.reset();
		this.runner.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl()).run((context) -> {
			assertThat(context).hasNotFailed();
			test.accept(context);
		});
	}

	/** The {@code ChatClient} spans in the order of their calls. */
	private static List<SpanData> clientSpans(AssertableApplicationContext context) {
		return spans(context).stream()
			.filter((span) -> span.getName().equals(CLIENT_SPAN))
			.sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
			.toList();
	}

	private static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	/**
	 * A tool that asks a model itself: a nested {@code ChatClient} call without a prompt
	 * of its own.
	 */
	static class ZoneTools {

		private final ChatClient chatClient;

		ZoneTools(ChatClient chatClient) {
			this.chatClient = chatClient;
		}

		@Tool(description = "The delivery zone of a city")
		String zone(String city) {
			return this.chatClient.prompt("Zone of " + city + "?").call().content();
		}

	}

}
