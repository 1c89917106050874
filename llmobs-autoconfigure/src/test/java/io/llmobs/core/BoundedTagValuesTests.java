package io.llmobs.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedTagValuesTests {

	@Test
	void foldsValuesPastTheLimitIntoOther() {
		BoundedTagValues values = new BoundedTagValues(2);
		assertThat(values.bound("a")).isEqualTo("a");
		assertThat(values.bound("b")).isEqualTo("b");
		assertThat(values.bound("c")).isEqualTo("other");
		assertThat(values.bound("a")).isEqualTo("a");
		assertThat(values.size()).isEqualTo(2);
	}

	@Test
	void knownValuesAreNeverFoldedAndTakeNoSlot() {
		BoundedTagValues values = new BoundedTagValues(1);
		values.know(List.of("acme"));
		assertThat(values.bound("first-come")).isEqualTo("first-come");
		assertThat(values.bound("late")).isEqualTo("other");
		assertThat(values.bound("acme")).isEqualTo("acme");
		assertThat(values.size()).isOne();
	}

	@Test
	void blankIsNoneAndOverlongIsOther() {
		BoundedTagValues values = new BoundedTagValues(10);
		assertThat(values.bound(null)).isEqualTo("none");
		assertThat(values.bound(" ")).isEqualTo("none");
		assertThat(values.bound("x".repeat(65))).isEqualTo("other");
		assertThat(values.size()).isZero();
	}

	@Test
	void neverAdmitsMoreThanTheLimitUnderConcurrency() {
		BoundedTagValues values = new BoundedTagValues(50);
		Set<String> seen = ConcurrentHashMap.newKeySet();
		IntStream.range(0, 10_000).parallel().forEach((i) -> seen.add(values.bound("user-" + i)));
		assertThat(values.size()).isEqualTo(50);
		assertThat(seen).hasSize(51).contains("other");
	}

}
