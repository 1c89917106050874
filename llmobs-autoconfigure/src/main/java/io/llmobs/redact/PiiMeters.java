package io.llmobs.redact;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The {@code llmobs.pii.entities{type,direction}} counter. Types are the detectors'
 * closed set (built-in and configured ones), so the counters are registered up front,
 * every one from zero.
 */
public final class PiiMeters {

	/** Counter of PII entities found in model inputs and outputs. */
	public static final String ENTITIES = "llmobs.pii.entities";

	private final Map<PiiDirection, Map<String, Counter>> counters = new EnumMap<>(PiiDirection.class);

	private final Map<PiiDirection, Counter> otherCounters = new EnumMap<>(PiiDirection.class);

	/**
	 * Registers the counters.
	 * @param registry where the counters go
	 * @param types every type the scanner may report; any other is counted as
	 * {@code other}
	 */
	public PiiMeters(MeterRegistry registry, Collection<String> types) {
		for (PiiDirection direction : PiiDirection.values()) {
			Map<String, Counter> byType = new HashMap<>();
			for (String type : types) {
				byType.put(type, counter(registry, type, direction));
			}
			this.counters.put(direction, Map.copyOf(byType));
			this.otherCounters.put(direction, counter(registry, "other", direction));
		}
	}

	private static Counter counter(MeterRegistry registry, String type, PiiDirection direction) {
		return Counter.builder(ENTITIES)
			.description("PII entities found in the messages sent to and received from models")
			.tag("type", type)
			.tag("direction", direction.tagValue())
			.register(registry);
	}

	/**
	 * Counts entities.
	 * @param entities what was found
	 * @param direction where
	 */
	public void record(List<PiiEntity> entities, PiiDirection direction) {
		Map<String, Counter> byType = Objects.requireNonNull(this.counters.get(direction));
		Counter other = Objects.requireNonNull(this.otherCounters.get(direction));
		for (PiiEntity entity : entities) {
			byType.getOrDefault(entity.type(), other).increment();
		}
	}

}
