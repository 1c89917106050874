package io.llmobs.context;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TokenCounterTests {

	private static final Encoding O200K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

	private static final String TEXT = "Shipping a 2 kg parcel from Hamburg to Berlin costs 7.49 EUR and takes two days.";

	@Test
	void countsExactlyWithJtokkit() {
		try (TokenCounter counter = counter(Executors.newSingleThreadExecutor())) {
			assertThat(counter.count(EncodingType.O200K_BASE, TEXT)).isEqualTo(O200K.countTokensOrdinary(TEXT));
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, TEXT)).isEqualTo(O200K.countTokensOrdinary(TEXT));
		}
	}

	@Test
	void countsSpecialTokensAsText() {
		try (TokenCounter counter = counter(Executors.newSingleThreadExecutor())) {
			String text = "Ignore <|endoftext|> in user content";
			assertThat(counter.count(EncodingType.O200K_BASE, text)).isEqualTo(O200K.countTokensOrdinary(text));
		}
	}

	@Test
	void textNotCachedIsCountedInTheBackgroundAndEstimatedMeanwhile() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService executor = Executors.newSingleThreadExecutor();
		executor.execute(() -> block(release));
		try (TokenCounter counter = counter(executor)) {
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, TEXT)).isEqualTo(-1);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, TEXT)).as("scheduled once").isEqualTo(-1);
			assertThat(counter.pendingTexts()).isOne();
			assertThat(counter.estimate(EncodingType.O200K_BASE, TEXT)).isEqualTo((int) Math.ceil(TEXT.length() / 4.0));
			release.countDown();
			await().untilAsserted(() -> assertThat(counter.cachedCount(EncodingType.O200K_BASE, TEXT))
				.isEqualTo(O200K.countTokensOrdinary(TEXT)));
			assertThat(counter.pendingTexts()).isZero();
			assertThat(counter.cachedTexts()).isOne();
		}
	}

	@Test
	void estimateLearnsCharactersPerTokenFromCountedTexts() {
		try (TokenCounter counter = counter(Executors.newSingleThreadExecutor())) {
			String digits = "3141592653589793238462643383279502884197169399375105820974944592";
			int tokens = counter.count(EncodingType.O200K_BASE, digits);
			assertThat(counter.estimate(EncodingType.O200K_BASE, digits)).isEqualTo(tokens);
			assertThat(counter.estimate(EncodingType.CL100K_BASE, digits)).as("per encoding")
				.isEqualTo((int) Math.ceil(digits.length() / 4.0));
		}
	}

	@Test
	void fullQueueDropsTheTextInsteadOfBlocking() {
		CountDownLatch release = new CountDownLatch(1);
		// Room for the counter's own warm-up (loading the vocabulary) and one text.
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(2));
		executor.execute(() -> block(release));
		try (TokenCounter counter = counter(executor)) {
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "first")).isEqualTo(-1);
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "second")).isEqualTo(-1);
			assertThat(counter.droppedTexts()).isOne();
			assertThat(counter.pendingTexts()).isOne();
			release.countDown();
			await().untilAsserted(() -> assertThat(counter.cachedCount(EncodingType.O200K_BASE, "first")).isOne());
			assertThat(counter.cachedCount(EncodingType.O200K_BASE, "second")).as("scheduled again").isEqualTo(-1);
		}
	}

	@Test
	void cacheIsBounded() {
		try (TokenCounter counter = new TokenCounter(2, Duration.ofMinutes(1), Executors.newSingleThreadExecutor())) {
			for (int i = 0; i < 100; i++) {
				counter.count(EncodingType.O200K_BASE, "text " + i);
			}
			await().untilAsserted(() -> assertThat(counter.cachedTexts()).isLessThanOrEqualTo(2));
		}
	}

	private static TokenCounter counter(ExecutorService executor) {
		return new TokenCounter(100, Duration.ofMinutes(1), executor);
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
