package io.llmobs.core;

import io.llmobs.test.SpanRecordingTracers;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an attribute reaches the span: one that a convention may already carry over the
 * convention's key value where it has one, straight onto the span where it has none;
 * llmobs's own straight onto the span.
 */
class SpanAttributeWriterTests {

	private static final SpanAttributeKey PROVIDER = SpanAttributeKey.of("gen_ai.provider.name");

	private final SdkTracerProvider tracerProvider = SpanRecordingTracers.withProcessor();

	@AfterEach
	void closeTracer() {
		this.tracerProvider.close();
	}

	@Test
	void anAttributeTheConventionLacksGoesStraightOntoTheSpan() {
		Span span = this.tracerProvider.get("test").spanBuilder("chat").startSpan();
		Observation.Context context = traced(span);
		SpanAttributeWriter.replace(context, PROVIDER, "openai");
		assertThat(((ReadableSpan) span).getAttribute(AttributeKey.stringKey("gen_ai.provider.name")))
			.isEqualTo("openai");
		assertThat(SpanAttributeWriter.keyValue(context, "gen_ai.provider.name")).isNull();
	}

	@Test
	void aValueThatDiffersFromTheConventionsReplacesItsKeyValue() {
		Span span = this.tracerProvider.get("test").spanBuilder("chat").startSpan();
		Observation.Context context = traced(span);
		context.addLowCardinalityKeyValue(KeyValue.of("gen_ai.provider.name", "azure"));
		SpanAttributeWriter.replace(context, PROVIDER, "azure.ai.openai");
		assertThat(context.getHighCardinalityKeyValue("gen_ai.provider.name"))
			.isEqualTo(KeyValue.of("gen_ai.provider.name", "azure.ai.openai"));
		assertThat(SpanAttributeWriter.keyValue(context, "gen_ai.provider.name").getValue())
			.isEqualTo("azure.ai.openai");
		// the tracer writes the key value when the observation stops, over the
		// convention's
		assertThat(((ReadableSpan) span).getAttribute(AttributeKey.stringKey("gen_ai.provider.name"))).isNull();
	}

	@Test
	void theConventionsOwnValueIsLeftAlone() {
		Observation.Context context = traced(this.tracerProvider.get("test").spanBuilder("chat").startSpan());
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.provider.name", "openai"));
		SpanAttributeWriter.replace(context, PROVIDER, "openai");
		assertThat(context.getHighCardinalityKeyValues()).hasSize(1);
		assertThat(context.getLowCardinalityKeyValues()).isEmpty();
	}

	@Test
	void anOwnAttributeGoesStraightOntoTheSpanEvenWhereTheApplicationAddedAKeyValueOfItsName() {
		Span span = this.tracerProvider.get("test").spanBuilder("chat").startSpan();
		Observation.Context context = traced(span);
		context.addHighCardinalityKeyValue(KeyValue.of("llmobs.stage", "theirs"));
		SpanAttributeWriter.set(context, SpanAttributeKey.of("llmobs.stage"), "generate");
		assertThat(((ReadableSpan) span).getAttribute(AttributeKey.stringKey("llmobs.stage"))).isEqualTo("generate");
		// not looked up: the application's key value stays, and the tracer writes it
		// over ours when the observation stops
		assertThat(context.getHighCardinalityKeyValue("llmobs.stage")).isEqualTo(KeyValue.of("llmobs.stage", "theirs"));
	}

	@Test
	void aConventionNameThatTheObservationCarriesBecomesAKeyValueOverIt() {
		Span span = this.tracerProvider.get("test").spanBuilder("chat").startSpan();
		Observation.Context context = traced(span);
		context.addHighCardinalityKeyValue(KeyValue.of("gen_ai.conversation.id", "theirs"));
		SpanAttributeWriter.set(context, SpanAttributeKey.of("gen_ai.conversation.id"), "c-1");
		assertThat(context.getHighCardinalityKeyValue("gen_ai.conversation.id"))
			.isEqualTo(KeyValue.of("gen_ai.conversation.id", "c-1"));
		assertThat(((ReadableSpan) span).getAttribute(AttributeKey.stringKey("gen_ai.conversation.id"))).isNull();
	}

	@Test
	void withoutASpanTheAttributeBecomesAKeyValue() {
		Observation.Context context = new Observation.Context();
		SpanAttributeWriter.replace(context, PROVIDER, "openai");
		assertThat(context.getHighCardinalityKeyValue("gen_ai.provider.name"))
			.isEqualTo(KeyValue.of("gen_ai.provider.name", "openai"));
	}

	private static Observation.Context traced(Span span) {
		TracingObservationHandler.TracingContext tracing = new TracingObservationHandler.TracingContext();
		tracing.setSpan(OtelSpan.fromOtel(span));
		Observation.Context context = new Observation.Context();
		context.put(TracingObservationHandler.TracingContext.class, tracing);
		return context;
	}

}
