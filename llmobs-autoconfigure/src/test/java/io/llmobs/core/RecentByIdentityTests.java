package io.llmobs.core;

import java.lang.ref.WeakReference;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class RecentByIdentityTests {

	@Test
	void valueIsFoundForTheSameObjectOnly() {
		RecentByIdentity<Integer> recent = new RecentByIdentity<>(64);
		String text = "Where is my parcel?";
		recent.put(text, 5);
		assertThat(recent.get(text)).isEqualTo(5);
		assertThat(recent.get(new String(text))).as("an equal text, another object").isNull();
	}

	@Test
	void objectThatTakesTheSlotReplacesTheOneBefore() {
		RecentByIdentity<Integer> recent = new RecentByIdentity<>(1);
		Object first = new Object();
		Object second = new Object();
		recent.put(first, 1);
		recent.put(second, 2);
		assertThat(recent.get(first)).isNull();
		assertThat(recent.get(second)).isEqualTo(2);
	}

	@Test
	void tableKeepsNoObjectAlive() {
		RecentByIdentity<Integer> recent = new RecentByIdentity<>(64);
		Object object = new byte[1 << 20];
		WeakReference<Object> reference = new WeakReference<>(object);
		recent.put(object, 1);
		object = null;
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			System.gc();
			return reference.get() == null;
		});
	}

	@Test
	void slotsMustBeAPowerOfTwo() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentByIdentity<>(1000))
			.withMessageContaining("power of two");
		assertThatIllegalArgumentException().isThrownBy(() -> new RecentByIdentity<>(0));
	}

}
