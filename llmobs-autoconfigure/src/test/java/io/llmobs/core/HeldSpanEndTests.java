package io.llmobs.core;

import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A span whose end is held back ends once both its tracing handler and its holder are
 * done, whichever is last, with what the holder wrote before.
 */
class HeldSpanEndTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	private final Observation.Context context = new Observation.Context();

	private final TracingObservationHandler.TracingContext tracing = new TracingObservationHandler.TracingContext();

	HeldSpanEndTests() {
		this.tracing.setSpan(OtelSpan.fromOtel(this.tracerProvider.get("test").spanBuilder("chat m").startSpan()));
		this.context.put(TracingObservationHandler.TracingContext.class, this.tracing);
	}

	@AfterEach
	void close() {
		this.tracerProvider.close();
	}

	@Test
	void aSpanEndedByItsHandlerFirstEndsAtThatTimeOnceReleasedWithWhatTheHolderWrote() {
		SpanPresence.HeldSpanEnd held = SpanPresence.holdEnd(this.context);
		this.context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.usage.input_tokens", "100"));
		this.tracing.getSpan().tag("gen_ai.usage.input_tokens", "100");
		long before = System.currentTimeMillis();
		this.tracing.getSpan().end();
		long after = System.currentTimeMillis();
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		await().until(() -> System.currentTimeMillis() > after + 50);
		held.release(() -> {
			this.context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.usage.input_tokens", "160"));
			SpanAttributeWriter.set(this.context, SpanAttributeKey.of("llmobs.cost.usd"), 0.25);
		});
		SpanData span = single();
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.input_tokens"))).isEqualTo("160");
		assertThat(span.getAttributes().get(AttributeKey.doubleKey("llmobs.cost.usd"))).isEqualTo(0.25);
		assertThat(span.getEndEpochNanos() / 1_000_000).isBetween(before, after);
	}

	@Test
	void aSpanReleasedFirstEndsWhenItsHandlerEndsIt() {
		SpanPresence.HeldSpanEnd held = SpanPresence.holdEnd(this.context);
		held.release(() -> SpanAttributeWriter.set(this.context, SpanAttributeKey.of("llmobs.stage"), "answer"));
		assertThat(this.exporter.getFinishedSpanItems()).isEmpty();
		this.tracing.getSpan().end();
		assertThat(single().getAttributes().get(AttributeKey.stringKey("llmobs.stage"))).isEqualTo("answer");
	}

	@Test
	void anObservationWithoutASpanHasNothingToHold() {
		assertThat(SpanPresence.holdEnd(new Observation.Context())).isNull();
	}

	private SpanData single() {
		List<SpanData> spans = this.exporter.getFinishedSpanItems();
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

}
