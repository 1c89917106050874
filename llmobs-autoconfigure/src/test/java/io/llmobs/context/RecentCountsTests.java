package io.llmobs.context;

import java.lang.ref.WeakReference;
import java.time.Duration;

import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import static io.llmobs.context.TokenCounter.Form.JSON;
import static io.llmobs.context.TokenCounter.Form.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RecentCountsTests {

	@Test
	void countIsFoundForTheSameObjectWithTheSameEncodingAndForm() {
		RecentCounts recent = new RecentCounts();
		String text = "Where is my parcel?";
		recent.put(text, EncodingType.O200K_BASE, TEXT, 5);
		assertThat(recent.get(text, EncodingType.O200K_BASE, TEXT)).isEqualTo(5);
		assertThat(recent.get(text, EncodingType.CL100K_BASE, TEXT)).as("other encoding").isEqualTo(-1);
		assertThat(recent.get(text, EncodingType.O200K_BASE, JSON)).as("other form").isEqualTo(-1);
		assertThat(recent.get(new String(text), EncodingType.O200K_BASE, TEXT)).as("equal text, other object")
			.isEqualTo(-1);
	}

	@Test
	void tableKeepsNoTextAlive() {
		RecentCounts recent = new RecentCounts();
		String text = new String(new char[1 << 20]);
		WeakReference<String> reference = new WeakReference<>(text);
		recent.put(text, EncodingType.O200K_BASE, TEXT, 1);
		text = null;
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			System.gc();
			return reference.get() == null;
		});
	}

}
