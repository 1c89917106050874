package io.llmobs.prompt;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * What {@code /actuator/llmobs} lists about prompts: the registry's prompts and the
 * distinct identities that calls carried, each with when it was first seen; bounded,
 * later identities are counted only.
 */
public final class PromptInventory {

	private final PromptRegistry registry;

	private final Clock clock;

	private final int maxSeen;

	private final Map<PromptIdentity, Instant> seen = new ConcurrentHashMap<>();

	private final AtomicLong unlisted = new AtomicLong();

	/**
	 * Creates the inventory.
	 * @param registry the registry prompts
	 * @param clock the clock of first-seen times
	 * @param maxSeen distinct identities listed at most
	 */
	PromptInventory(PromptRegistry registry, Clock clock, int maxSeen) {
		this.registry = registry;
		this.clock = clock;
		this.maxSeen = maxSeen;
	}

	/**
	 * Notes an identity that a call carried.
	 * @param identity the identity
	 */
	void seen(PromptIdentity identity) {
		if (this.seen.containsKey(identity)) {
			return;
		}
		if (this.seen.size() >= this.maxSeen) {
			this.unlisted.incrementAndGet();
			return;
		}
		this.seen.putIfAbsent(identity, this.clock.instant());
	}

	/**
	 * The prompts known now.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		List<Registered> registered = this.registry.prompts()
			.stream()
			.map((prompt) -> new Registered(prompt.name(), prompt.version(), prompt.firstSeen()))
			.toList();
		List<Seen> calls = this.seen.entrySet()
			.stream()
			.map((entry) -> new Seen(entry.getKey().name(), entry.getKey().version(), entry.getKey().hash(),
					entry.getValue()))
			.sorted(Comparator.comparing(Seen::firstSeen))
			.toList();
		return new Snapshot(registered, calls, this.unlisted.get());
	}

	/**
	 * The prompts known now.
	 *
	 * @param registry the registry's prompts, by name
	 * @param calls the distinct identities that calls carried, oldest first
	 * @param unlisted calls whose identity was new after the list was full
	 */
	public record Snapshot(List<Registered> registry, List<Seen> calls, long unlisted) {
	}

	/**
	 * A registry prompt.
	 *
	 * @param name the name
	 * @param version the version
	 * @param firstSeen when the registry loaded it
	 */
	public record Registered(String name, String version, Instant firstSeen) {
	}

	/**
	 * An identity that calls carried.
	 *
	 * @param name the prompt name, or {@code null} for an unmanaged prompt
	 * @param version the prompt version, or {@code null}
	 * @param hash the system template's hash, or {@code null}
	 * @param firstSeen when a call first carried it
	 */
	public record Seen(@Nullable String name, @Nullable String version, @Nullable String hash, Instant firstSeen) {
	}

}
