package io.llmobs.context;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.test.CallerRunsExecutorService;
import io.llmobs.test.ManualExecutorService;
import org.junit.jupiter.api.Test;

import org.springframework.ai.tool.definition.ToolDefinition;

import static io.llmobs.context.TokenCounter.Form.JSON;
import static io.llmobs.context.TokenCounter.Form.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TokenCounterTests {

	private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

	private static final String SENTENCE = "Shipping a 2 kg parcel from Hamburg to Berlin costs 7.49 EUR and takes two days.";

	@Test
	void countsExactlyWithJtokkit() {
		try (TokenCounter counter = counter(Executors.newSingleThreadExecutor())) {
			assertThat(counter.count(EncodingType.O200K_BASE, SENTENCE, TEXT))
				.isEqualTo(O200K.countTokensOrdinary(SENTENCE));
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, SENTENCE, TEXT))
				.isEqualTo(O200K.countTokensOrdinary(SENTENCE));
		}
	}

	@Test
	void countsSpecialTokensAsText() {
		try (TokenCounter counter = counter(Executors.newSingleThreadExecutor())) {
			String text = "Ignore <|endoftext|> in user content";
			assertThat(counter.count(EncodingType.O200K_BASE, text, TEXT)).isEqualTo(O200K.countTokensOrdinary(text));
		}
	}

	@Test
	void textNotCachedIsCountedInTheBackgroundAndEstimatedMeanwhile() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		executor.execute(() -> block(release));
		try (TokenCounter counter = counter(executor)) {
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, SENTENCE, TEXT)).isEqualTo(-1);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, SENTENCE, TEXT)).as("scheduled once").isEqualTo(-1);
			assertThat(counter.pendingTexts()).isOne();
			assertThat(counter.estimate(EncodingType.O200K_BASE, SENTENCE))
				.isEqualTo((int) Math.ceil(SENTENCE.length() / 4.0));
			release.countDown();
			await().untilAsserted(() -> assertThat(counter.cachedCount(EncodingType.O200K_BASE, SENTENCE, TEXT))
				.isEqualTo(O200K.countTokensOrdinary(SENTENCE)));
			assertThat(counter.pendingTexts()).isZero();
			assertThat(counter.cachedTexts()).isOne();
		}
	}

	@Test
	void estimateLearnsCharactersPerTokenFromCountedTexts() {
		try (TokenCounter counter = counter(Executors.newSingleThreadExecutor())) {
			String digits = "3141592653589793238462643383279502884197169399375105820974944592";
			int tokens = counter.count(EncodingType.O200K_BASE, digits, TEXT);
			assertThat(counter.estimate(EncodingType.O200K_BASE, digits)).isEqualTo(tokens);
			assertThat(counter.estimate(EncodingType.CL100K_BASE, digits)).as("per encoding")
				.isEqualTo((int) Math.ceil(digits.length() / 4.0));
		}
	}

	@Test
	void fullQueueDropsTheTextInsteadOfBlocking() {
		ManualExecutorService executor = new ManualExecutorService();
		try (TokenCounter counter = new TokenCounter(100, Duration.ofMinutes(1), 1, executor)) {
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "first", TEXT)).isEqualTo(-1);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "first", TEXT)).as("queued once").isEqualTo(-1);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "second", TEXT)).isEqualTo(-1);
			assertThat(counter.droppedTexts()).isOne();
			assertThat(counter.pendingTexts()).isOne();
			executor.runQueuedTasks();
			assertThat(counter.pendingTexts()).isZero();
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "first", TEXT)).isOne();
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "second", TEXT)).as("queued again").isEqualTo(-1);
			executor.runQueuedTasks();
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "second", TEXT)).isOne();
			assertThat(counter.droppedTexts()).isOne();
		}
	}

	@Test
	void textsQueuedWhileTheTokenizerIsBusyAreCountedInOneDrain() {
		ManualExecutorService executor = new ManualExecutorService();
		try (TokenCounter counter = new TokenCounter(100, Duration.ofMinutes(1), 100, executor)) {
			for (int i = 0; i < 10; i++) {
				assertThat(counter.cachedCount(EncodingType.O200K_BASE, "text " + i, TEXT)).isEqualTo(-1);
			}
			assertThat(counter.pendingTexts()).isEqualTo(10);
			assertThat(executor.queuedTasks()).as("the warm-up and one drain").isEqualTo(2);
			executor.runQueuedTasks();
			assertThat(counter.pendingTexts()).isZero();
			for (int i = 0; i < 10; i++) {
				assertThat(counter.cachedCount(EncodingType.O200K_BASE, "text " + i, TEXT))
					.isEqualTo(O200K.countTokensOrdinary("text " + i));
			}
		}
	}

	@Test
	void cacheIsBounded() {
		try (TokenCounter counter = new TokenCounter(2, Duration.ofMinutes(1), 100,
				Executors.newSingleThreadExecutor())) {
			for (int i = 0; i < 100; i++) {
				counter.count(EncodingType.O200K_BASE, "text " + i, TEXT);
			}
			await().untilAsserted(() -> assertThat(counter.cachedTexts()).isLessThanOrEqualTo(2));
		}
	}

	@Test
	void jsonIsCountedCompactAsProvidersSendIt() {
		String pretty = "{\n  \"type\" : \"object\",\n  \"properties\" : {\n    \"city\" : {\n"
				+ "      \"description\" : \"a \\\"quoted\\\" city name\"\n    }\n  }\n}";
		String compact = "{\"type\":\"object\",\"properties\":{\"city\":{\"description\":\"a \\\"quoted\\\" city name\"}}}";
		assertThat(TokenCounter.compact(pretty)).isEqualTo(compact);
		try (TokenCounter counter = counter(Executors.newSingleThreadExecutor())) {
			assertThat(counter.count(EncodingType.O200K_BASE, pretty, JSON))
				.isEqualTo(O200K.countTokensOrdinary(compact))
				.isLessThan(O200K.countTokensOrdinary(pretty));
			assertThat(counter.count(EncodingType.O200K_BASE, pretty, TEXT)).as("cached apart")
				.isEqualTo(O200K.countTokensOrdinary(pretty));
		}
	}

	@Test
	void toolDefinitionIsCountedAsOneEntry() {
		ToolDefinition tool = ToolDefinition.builder()
			.name("quote")
			.description("Quotes a parcel")
			.inputSchema("{\n  \"type\" : \"object\"\n}")
			.build();
		try (TokenCounter counter = counter(new CallerRunsExecutorService())) {
			int expected = O200K.countTokensOrdinary("quote") + O200K.countTokensOrdinary("Quotes a parcel")
					+ O200K.countTokensOrdinary("{\"type\":\"object\"}");
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, tool)).isEqualTo(expected);
			assertThat(counter.count(EncodingType.O200K_BASE, tool)).isEqualTo(expected);
			assertThat(counter.cachedTexts()).isOne();
		}
	}

	@Test
	void textInUseStaysCountedAfterTheCacheEvictedIt() {
		String question = "What does express shipping of 5 kg to Hanoi cost?";
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		executor.execute(() -> block(release));
		try (TokenCounter counter = new TokenCounter(1, Duration.ofMinutes(1), 100, executor)) {
			int expected = counter.count(EncodingType.O200K_BASE, question, TEXT);
			for (int i = 0; i < 10; i++) {
				counter.count(EncodingType.O200K_BASE, "other text " + i, TEXT);
			}
			await().untilAsserted(() -> assertThat(counter.cachedTexts()).isLessThanOrEqualTo(1));
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, new String(question), TEXT))
				.as("an equal text, evicted from the cache")
				.isEqualTo(-1);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, question, TEXT)).as("the text in use")
				.isEqualTo(expected);
			release.countDown();
		}
	}

	@Test
	void equalTextOfAnotherObjectIsFoundInTheCache() {
		try (TokenCounter counter = counter(new CallerRunsExecutorService())) {
			int expected = counter.count(EncodingType.O200K_BASE, SENTENCE, TEXT);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, new String(SENTENCE), TEXT)).isEqualTo(expected);
			assertThat(counter.cachedTexts()).isOne();
		}
	}

	@Test
	void toolDefinitionOfItsOwnClassIsCountedByContent() {
		MutableToolDefinition tool = new MutableToolDefinition("{\"type\":\"object\"}");
		try (TokenCounter counter = counter(new CallerRunsExecutorService())) {
			int before = counter.cachedCount(EncodingType.O200K_BASE, tool);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, tool)).isEqualTo(before);
			tool.schema = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, tool)).as("counted anew after the change")
				.isEqualTo(before - O200K.countTokensOrdinary("{\"type\":\"object\"}")
						+ O200K.countTokensOrdinary(tool.schema));
		}
	}

	private static TokenCounter counter(ExecutorService executor) {
		return new TokenCounter(100, Duration.ofMinutes(1), 100, executor);
	}

	/**
	 * A tool definition that is not Spring AI's immutable record, whose schema changes.
	 */
	private static final class MutableToolDefinition implements ToolDefinition {

		private String schema;

		MutableToolDefinition(String schema) {
			this.schema = schema;
		}

		@Override
		public String name() {
			return "quote";
		}

		@Override
		public String description() {
			return "Quotes a parcel";
		}

		@Override
		public String inputSchema() {
			return this.schema;
		}

	}

	private static void block(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
