package io.llmobs.chat;

import java.util.function.Consumer;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Embedding calls of Spring AI's real OpenAI embedding client over HTTP: their input
 * tokens and cost land on {@code llmobs.tokens} and {@code llmobs.cost} with the stage of
 * the call that embeds.
 */
class EmbeddingCostIntegrationTests {

	private static final String EMBEDDING_MODEL = "text-embedding-3-small";

	/**
	 * The bundled catalog's price of {@code text-embedding-3-small}, USD per 1M tokens.
	 */
	private static final double EMBEDDING_PRICE = 0.02;

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private static void run(Consumer<AssertableApplicationContext> test) {
		server.reset();
		TracedApplication.runner()
			.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(),
					"spring.ai.openai.embedding.options.model=" + EMBEDDING_MODEL, "llmobs.default-stage=index")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				test.accept(context);
			});
	}

	@Test
	void anEmbeddingCallCountsItsInputTokensAndCostsThemAtTheCatalogsEmbeddingPrice() {
		run((context) -> {
			context.getBean(EmbeddingModel.class).embed("ship two parcels to Berlin");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("llmobs.tokens")
				.tags("model", EMBEDDING_MODEL, "provider", "openai", "stage", "index", "type", "input")
				.counter()
				.count()).isEqualTo(5);
			assertThat(Search.in(meters).name("llmobs.tokens").tag("model", EMBEDDING_MODEL).counters())
				.allSatisfy((counter) -> assertThat(counter.getId().getTag("type")).isEqualTo("input"));
			assertThat(meters.get("llmobs.cost").tags("model", EMBEDDING_MODEL, "stage", "index").counter().count())
				.isCloseTo(5 * EMBEDDING_PRICE / 1e6, within(1e-15));
			assertThat(Search.in(meters).name("llmobs.cost.unpriced").counters()).isEmpty();
			assertThat(meters.get("gen_ai.client.operation").tag("gen_ai.operation.name", "embedding").timer().count())
				.isEqualTo(1);
		});
	}

	@Test
	void aRetrievalInsideAChatClientCallIsCostToTheCallsStage() {
		run((context) -> {
			EmbeddingModel embeddings = context.getBean(EmbeddingModel.class);
			server.enqueue(StubResponse.completion("7.49 EUR").usage(1_000, 10));
			context.getBean(ChatClient.Builder.class)
				.build()
				.prompt("what does Berlin cost")
				.advisors(new RetrievalAdvisor(embeddings))
				.advisors((a) -> a.param(LlmObsParams.STAGE, "answer"))
				.call()
				.content();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("llmobs.tokens")
				.tags("model", EMBEDDING_MODEL, "stage", "answer", "type", "input")
				.counter()
				.count()).isEqualTo(4);
			double embedding = 4 * EMBEDDING_PRICE / 1e6;
			double chat = meters.get("llmobs.cost").tags("model", "gpt-4o-mini", "stage", "answer").counter().count();
			assertThat(chat).isPositive();
			assertThat(Search.in(meters).name("llmobs.cost").tag("stage", "answer").counters())
				.extracting((counter) -> counter.count())
				.containsExactlyInAnyOrder(chat, embedding);
		});
	}

	/** Embeds the user's question before the model call, as a retrieval advisor does. */
	private record RetrievalAdvisor(EmbeddingModel embeddings) implements CallAdvisor {

		@Override
		public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
			this.embeddings.embed(request.prompt().getUserMessage().getText());
			return chain.nextCall(request);
		}

		@Override
		public String getName() {
			return "retrieval";
		}

		@Override
		public int getOrder() {
			return 0;
		}

	}

}
