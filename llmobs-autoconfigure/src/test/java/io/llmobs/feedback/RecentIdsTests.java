package io.llmobs.feedback;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.llmobs.test.AllocatedBytes;
import io.micrometer.core.instrument.MockClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ids feedback can refer to: the last ones written, for a while after each write, at
 * no allocation per write once the store has grown.
 */
class RecentIdsTests {

	private final MockClock clock = new MockClock();

	@Test
	void theOldestWrittenIdGoesFirstWhenTheMaximumIsReached() {
		RecentIds ids = new RecentIds(3, Duration.ofHours(1), this.clock);
		Interaction first = new Interaction(0);
		ids.put(RecentIds.hash("first"), first);
		ids.put(RecentIds.hash("second"), new Interaction(0));
		ids.put(RecentIds.hash("third"), new Interaction(0));
		assertThat(ids.get(RecentIds.hash("first"))).isSameAs(first);
		ids.put(RecentIds.hash("fourth"), new Interaction(0));
		assertThat(ids.get(RecentIds.hash("first"))).isNull();
		assertThat(ids.get(RecentIds.hash("second"))).isNotNull();
		assertThat(ids.get(RecentIds.hash("fourth"))).isNotNull();
		assertThat(ids.size()).isEqualTo(3);
	}

	@Test
	void anIdWrittenAgainIsKeptFromItsLatestWrite() {
		RecentIds ids = new RecentIds(2, Duration.ofHours(1), this.clock);
		Interaction latest = new Interaction(0);
		ids.put(RecentIds.hash("response"), new Interaction(0));
		ids.put(RecentIds.hash("other"), new Interaction(0));
		ids.put(RecentIds.hash("response"), latest);
		assertThat(ids.get(RecentIds.hash("response"))).isSameAs(latest);
		ids.put(RecentIds.hash("newer"), new Interaction(0));
		assertThat(ids.get(RecentIds.hash("response"))).isSameAs(latest);
		assertThat(ids.get(RecentIds.hash("other"))).isNull();
	}

	@Test
	void anIdExpiresAfterItsWriteAndCanBeWrittenAgain() {
		RecentIds ids = new RecentIds(10, Duration.ofMinutes(10), this.clock);
		Interaction expired = new Interaction(0);
		ids.putIfAbsent(RecentIds.hash("trace"), expired);
		this.clock.add(9, TimeUnit.MINUTES);
		assertThat(ids.putIfAbsent(RecentIds.hash("trace"), new Interaction(0))).isSameAs(expired);
		this.clock.add(1, TimeUnit.MINUTES);
		assertThat(ids.get(RecentIds.hash("trace"))).isNull();
		Interaction fresh = new Interaction(0);
		ids.put(RecentIds.hash("trace"), expired);
		this.clock.add(10, TimeUnit.MINUTES);
		assertThat(ids.putIfAbsent(RecentIds.hash("trace"), fresh)).isSameAs(fresh);
		assertThat(ids.get(RecentIds.hash("trace"))).isSameAs(fresh);
	}

	@Test
	void aLargeMaximumIsNotReservedUpfront() {
		RecentIds ids = new RecentIds(Long.MAX_VALUE, Duration.ofHours(1), this.clock);
		ids.put(RecentIds.hash("only"), new Interaction(0));
		assertThat(ids.get(RecentIds.hash("only"))).isNotNull();
	}

	@Test
	void writingANewIdAllocatesNothing() {
		RecentIds ids = new RecentIds(1_000, Duration.ofHours(1), this.clock);
		Interaction interaction = new Interaction(0);
		String[] names = IntStream.range(0, 20_000).mapToObj((i) -> "trace-" + i).toArray(String[]::new);
		int[] next = { 0 };
		long perWrite = AllocatedBytes.perRun(10_000,
				() -> ids.putIfAbsent(RecentIds.hash(names[next[0]++]), interaction));
		// The hashes and the ring are arrays made once; a map node and a record per write
		// (64 B) were what kept the last ids alive through every young collection.
		assertThat(perWrite).isLessThanOrEqualTo(8);
	}

}
