package io.llmobs.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.ObservationAncestry;
import io.llmobs.core.SpanAttributeKey;
import io.llmobs.core.SpanAttributeWriter;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;

/**
 * What the chat instrumentation records under the OpenTelemetry GenAI semantic
 * conventions, next to its own {@code llmobs.*} names: a task scope is the registry's
 * workflow, a stream's first chunk its time to first chunk. The tag-key set of each meter
 * is fixed (Prometheus needs one per name), so {@code error.type} is {@code none} on
 * success, as Micrometer's own {@code error} tag is.
 */
final class GenAiConventions {

	/** The operation of a task scope's span. */
	static final KeyValue INVOKE_WORKFLOW = KeyValue.of("gen_ai.operation.name", "invoke_workflow");

	/** The task name on its span and on the workflow meter. */
	static final String WORKFLOW_NAME = "gen_ai.workflow.name";

	/** Seconds from the start of a streamed call to its first non-empty chunk. */
	static final String TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

	private static final SpanAttributeKey TIME_TO_FIRST_CHUNK_KEY = SpanAttributeKey.of(TIME_TO_FIRST_CHUNK);

	/** Timer of task scopes, by workflow name and error type. */
	static final String WORKFLOW_DURATION = "gen_ai.workflow.duration";

	/** Timer to the first chunk of streams, by operation, provider and model. */
	static final String OPERATION_TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	static final String ERROR_TYPE = "error.type";

	static final String NO_ERROR = "none";

	private final MeterRegistry registry;

	private final Map<TimeToFirstChunkSeries, Timer> timeToFirstChunk = new ConcurrentHashMap<>();

	/**
	 * Creates the stream meters.
	 * @param registry where the meters are registered
	 */
	GenAiConventions(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Records the time to the first chunk of a stream on its meter.
	 * @param provider the provider
	 * @param model the bounded model, the response's if it named one
	 * @param nanos the time from the start of the call
	 */
	void recordTimeToFirstChunk(String provider, String model, long nanos) {
		this.timeToFirstChunk.computeIfAbsent(new TimeToFirstChunkSeries(provider, model), this::timeToFirstChunkTimer)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Puts the time to the first chunk of a stream on the span of its {@code ChatClient}
	 * call, which is still open when the first chunk arrives.
	 * @param nanos the time from the start of the call
	 * @param current the observation current in the stream, within the call's
	 */
	void timeToFirstChunkOnSpan(long nanos, Observation.@Nullable Context current) {
		ChatClientObservationContext call = ObservationAncestry.findContext(current,
				ChatClientObservationContext.class);
		if (call != null) {
			SpanAttributeWriter.set(call, TIME_TO_FIRST_CHUNK_KEY, nanos / 1e9);
		}
	}

	static Timer workflowDuration(MeterRegistry registry, String task, ChatOutcome outcome) {
		return Timer.builder(WORKFLOW_DURATION)
			.description("Task scopes (LlmObs.task), as the GenAI semantic conventions' workflows")
			.tags(WORKFLOW_NAME, task, ERROR_TYPE, (outcome == ChatOutcome.SUCCESS) ? NO_ERROR : outcome.tagValue())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(10))
			.register(registry);
	}

	private Timer timeToFirstChunkTimer(TimeToFirstChunkSeries key) {
		return Timer.builder(OPERATION_TIME_TO_FIRST_CHUNK)
			.description("Time from the start of a streamed ChatClient call to its first non-empty chunk")
			.tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", key.provider(), "gen_ai.response.model",
					key.model())
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(1))
			.maximumExpectedValue(Duration.ofMinutes(1))
			.register(this.registry);
	}

	private record TimeToFirstChunkSeries(String provider, String model) {
	}

}
