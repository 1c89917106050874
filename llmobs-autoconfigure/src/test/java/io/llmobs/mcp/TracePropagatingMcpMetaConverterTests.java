package io.llmobs.mcp;

import java.util.List;
import java.util.Map;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.test.SpanRecordingTracers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.mcp.ToolContextToMcpMetaConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client side over Micrometer Tracing's OpenTelemetry bridge with W3C propagation, as
 * Spring Boot sets it up.
 */
class TracePropagatingMcpMetaConverterTests {

	private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
		.setTracerProvider(SpanRecordingTracers.withProcessor())
		.setPropagators(ContextPropagators.create(TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(),
				W3CBaggagePropagator.getInstance())))
		.build();

	private final OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();

	private final Tracer tracer = new OtelTracer(this.openTelemetry.getTracer("test"), this.currentTraceContext,
			(event) -> {
			}, new OtelBaggageManager(this.currentTraceContext, List.of("tenant"), List.of()));

	private final Propagator propagator = new OtelPropagator(this.openTelemetry.getPropagators(),
			this.openTelemetry.getTracer("test"));

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ToolContext toolContext = new ToolContext(Map.of("user", "u-1"));

	@AfterEach
	void close() {
		this.openTelemetry.close();
	}

	@Test
	void addsTheCurrentTraceContextAndBaggageBesideTheWrappedConvertersEntries() {
		ToolContextToMcpMetaConverter converter = converter(ToolContextToMcpMetaConverter.defaultConverter(),
				this.propagator);
		Span span = this.tracer.nextSpan().name("execute_tool quote").start();
		Map<String, Object> meta;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span);
				var tenant = this.tracer.createBaggageInScope("tenant", "acme")) {
			meta = converter.convert(this.toolContext);
		}
		finally {
			span.end();
		}
		assertThat(meta).containsEntry("user", "u-1");
		assertThat((String) meta.get("traceparent"))
			.startsWith("00-" + span.context().traceId() + "-" + span.context().spanId() + "-");
		assertThat((String) meta.get("baggage")).startsWith("tenant=acme");
	}

	@Test
	void entriesOfTheWrappedConverterWinOverPropagatedOnes() {
		ToolContextToMcpMetaConverter converter = converter((context) -> Map.of("traceparent", "mine"),
				this.propagator);
		Span span = this.tracer.nextSpan().start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			assertThat(converter.convert(this.toolContext)).containsExactly(Map.entry("traceparent", "mine"));
		}
		finally {
			span.end();
		}
	}

	@Test
	void withoutATraceTheWrappedConvertersEntriesAreSentAsTheyAre() {
		ToolContextToMcpMetaConverter converter = converter(ToolContextToMcpMetaConverter.defaultConverter(),
				this.propagator);
		assertThat(converter.convert(this.toolContext)).containsExactly(Map.entry("user", "u-1"));
	}

	@Test
	void failureWhilePropagatingIsCountedAndTheCallGoesOn() {
		Propagator failing = new Propagator() {

			@Override
			public List<String> fields() {
				return List.of();
			}

			@Override
			public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
				throw new IllegalStateException("broken propagator");
			}

			@Override
			public <C> Span.Builder extract(C carrier, Getter<C> getter) {
				throw new UnsupportedOperationException();
			}

		};
		ToolContextToMcpMetaConverter converter = converter(ToolContextToMcpMetaConverter.defaultConverter(), failing);
		Span span = this.tracer.nextSpan().start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			assertThat(converter.convert(this.toolContext)).containsExactly(Map.entry("user", "u-1"));
		}
		finally {
			span.end();
		}
		assertThat(this.meters.get(InstrumentationErrors.METER_NAME).tag("component", "mcp").counter().count()).isOne();
	}

	private ToolContextToMcpMetaConverter converter(ToolContextToMcpMetaConverter delegate, Propagator propagator) {
		return new TracePropagatingMcpMetaConverter(delegate, this.tracer, propagator,
				new InstrumentationErrors(this.meters));
	}

}
