package io.llmobs.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI's OpenAI client against the simulator: snapshots, limits, tool calls and
 * embeddings.
 */
@SimulatedSampleTest
class SimulatorCompatibilityTests {

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private EmbeddingModel embeddingModel;

	@Test
	void answersAsTheDatedSnapshotWithUsage() {
		ChatResponse response = this.chatClientBuilder.build().prompt().user("Hello").call().chatResponse();
		assertThat(response.getMetadata().getModel()).isEqualTo("gpt-4o-mini-2024-07-18");
		// "Hello" is 1 token in the simulator's cl100k_base, plus 4 for its message and 3
		// for the reply.
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(8);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isPositive();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualToIgnoringCase("stop");
	}

	@Test
	void essaysRunIntoTheTokenLimit() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.user("Write an essay about parcels")
			.call()
			.chatResponse();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualToIgnoringCase("length");
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(256);
	}

	@Test
	void maxTokensCutsTheAnswer() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.user("Where is my parcel?")
			.options(OpenAiChatOptions.builder().maxCompletionTokens(5))
			.call()
			.chatResponse();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualToIgnoringCase("length");
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(5);
	}

	@Test
	void callsTheFirstToolThenAnswersWithItsResult() {
		WeatherTools tools = new WeatherTools();
		String answer = this.chatClientBuilder.build()
			.prompt()
			.user("What is the weather in Paris?")
			.tools(tools)
			.call()
			.content();
		assertThat(tools.cities).containsExactly("What is the weather in Paris?");
		assertThat(answer).contains("Sunny, 21 degrees");
	}

	@Test
	void streamsToolCallsToo() {
		WeatherTools tools = new WeatherTools();
		List<String> chunks = this.chatClientBuilder.build()
			.prompt()
			.user("Weather in Oslo?")
			.tools(tools)
			.stream()
			.content()
			.collectList()
			.block();
		assertThat(tools.cities).hasSize(1);
		assertThat(String.join("", chunks)).contains("Sunny, 21 degrees");
	}

	@Test
	void embedsDeterministicallyWithRelatedTextsCloser() {
		float[] invoice = this.embeddingModel.embed("refund my invoice");
		float[] again = this.embeddingModel.embed("refund my invoice");
		float[] related = this.embeddingModel.embed("where is the refund for my invoice");
		float[] unrelated = this.embeddingModel.embed("tracking of a parcel");
		assertThat(invoice).hasSize(1536).containsExactly(again);
		assertThat(cosine(invoice, related)).isGreaterThan(cosine(invoice, unrelated) + 0.3);
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot; // unit vectors
	}

	static final class WeatherTools {

		final List<String> cities = new CopyOnWriteArrayList<>();

		@Tool(description = "The current weather in a city")
		String weather(@ToolParam(description = "the city") String city) {
			this.cities.add(city);
			return "Sunny, 21 degrees in " + city;
		}

	}

}
