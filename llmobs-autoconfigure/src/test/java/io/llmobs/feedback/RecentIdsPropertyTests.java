package io.llmobs.feedback;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MockClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated sequences of writes, look-ups and passing time give the same answers from the
 * store as from a plain model of its contract: an id is known while its latest write is
 * among the last {@code max-size} writes and younger than the expiry. The small maximum
 * and the pool of ids make writes evict, rewrite and expire ids all the time, so the
 * index's removals (which move later entries back) run in every try. A fixed seed keeps
 * the build deterministic.
 */
class RecentIdsPropertyTests {

	@Property(tries = 300, seed = "20261203")
	void answersAsTheModelOfItsContract(@ForAll("maxSizes") int maxSize,
			@ForAll("operations") List<Operation> operations) {
		MockClock clock = new MockClock();
		RecentIds store = new RecentIds(maxSize, Duration.ofMinutes(10), clock);
		Model model = new Model(maxSize, TimeUnit.MINUTES.toNanos(10));
		for (Operation operation : operations) {
			String id = "id-" + operation.id();
			switch (operation.kind()) {
				case PUT -> {
					Interaction interaction = new Interaction(0);
					store.put(RecentIds.hash(id), interaction);
					model.write(id, interaction, clock.monotonicTime());
				}
				case PUT_IF_ABSENT -> {
					Interaction interaction = new Interaction(0);
					Interaction expected = model.get(id, clock.monotonicTime());
					if (expected == null) {
						model.write(id, interaction, clock.monotonicTime());
						expected = interaction;
					}
					assertThat(store.putIfAbsent(RecentIds.hash(id), interaction)).as("putIfAbsent(%s)", id)
						.isSameAs(expected);
				}
				case GET -> assertThat(store.get(RecentIds.hash(id))).as("get(%s)", id)
					.isSameAs(model.get(id, clock.monotonicTime()));
				case WAIT -> clock.add(operation.id(), TimeUnit.MINUTES);
			}
		}
		for (int id = 0; id < 200; id++) {
			assertThat(store.get(RecentIds.hash("id-" + id))).isSameAs(model.get("id-" + id, clock.monotonicTime()));
		}
	}

	@Provide
	Arbitrary<Integer> maxSizes() {
		return Arbitraries.of(1, 2, 7, 50, 150);
	}

	@Provide
	Arbitrary<List<Operation>> operations() {
		Arbitrary<Operation> operation = Combinators
			.combine(
					Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.PUT)),
							net.jqwik.api.Tuple.of(5, Arbitraries.just(Kind.PUT_IF_ABSENT)),
							net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.GET)),
							net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.WAIT))),
					Arbitraries.integers().between(0, 199))
			.as((kind, id) -> new Operation(kind, (kind == Kind.WAIT) ? id % 6 : id));
		return operation.list().ofMinSize(50).ofMaxSize(2_000);
	}

	enum Kind {

		PUT, PUT_IF_ABSENT, GET, WAIT

	}

	/** One step; for {@link Kind#WAIT}, the id is the minutes that pass. */
	record Operation(Kind kind, int id) {
	}

	/** The contract, written plainly: every write numbered, an id known by its latest. */
	private static final class Model {

		private final int maxSize;

		private final long expireNanos;

		private final Map<String, Long> latestWrite = new HashMap<>();

		private final Map<String, Long> writtenAt = new HashMap<>();

		private final Map<String, Interaction> interactions = new HashMap<>();

		private long writes;

		Model(int maxSize, long expireNanos) {
			this.maxSize = maxSize;
			this.expireNanos = expireNanos;
		}

		void write(String id, Interaction interaction, long now) {
			this.latestWrite.put(id, this.writes++);
			this.writtenAt.put(id, now);
			this.interactions.put(id, interaction);
		}

		@Nullable Interaction get(String id, long now) {
			Long write = this.latestWrite.get(id);
			if (write == null || write < this.writes - this.maxSize
					|| now - this.writtenAt.get(id) >= this.expireNanos) {
				return null;
			}
			return this.interactions.get(id);
		}

	}

}
