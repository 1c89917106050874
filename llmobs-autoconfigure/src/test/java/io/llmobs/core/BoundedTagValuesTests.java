package io.llmobs.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

	@Test
	void withFleetAdmissionANewValueIsOtherAndRequestsOneClaimUntilTheFleetAdmitsIt() {
		BoundedTagValues values = new BoundedTagValues(2);
		values.know(List.of("vip"));
		AtomicInteger claimsRequested = new AtomicInteger();
		values.shareAdmission(claimsRequested::incrementAndGet);
		assertThat(values.bound("acme")).isEqualTo("other");
		assertThat(values.bound("acme")).isEqualTo("other");
		assertThat(values.bound("vip")).isEqualTo("vip");
		assertThat(claimsRequested).as("one request per waiting value").hasValue(1);
		assertThat(values.claims()).containsExactly("acme");
		values.fleetAdmitted(List.of("globex", "acme"), List.of("acme"));
		assertThat(values.bound("acme")).isEqualTo("acme");
		assertThat(values.bound("globex")).as("admitted by another replica").isEqualTo("globex");
		assertThat(values.bound("initech")).isEqualTo("other");
		assertThat(claimsRequested).as("the fleet is full: nothing more to claim").hasValue(1);
		assertThat(values.claims()).containsExactly("globex", "acme");
	}

	@Test
	void aValueTheFleetRefusesStopsWaitingAndValuesAdmittedLocallyAreClaimedLater() {
		BoundedTagValues values = new BoundedTagValues(2);
		values.shareAdmission(() -> {
		});
		values.bound("acme");
		values.fleetAdmitted(List.of("globex"), List.of("acme"));
		assertThat(values.claims()).containsExactly("globex");
		values.admitLocally();
		assertThat(values.bound("acme")).as("admitted by this instance while the fleet cannot answer")
			.isEqualTo("acme");
		assertThat(values.bound("initech")).as("after the fleet's values last given").isEqualTo("other");
		assertThat(values.claims()).containsExactly("globex", "acme");
		values.fleetAdmitted(List.of("globex", "hooli"), List.of("globex", "acme"));
		assertThat(values.bound("acme")).as("refused by the full fleet").isEqualTo("other");
		assertThat(values.bound("hooli")).isEqualTo("hooli");
	}

}
