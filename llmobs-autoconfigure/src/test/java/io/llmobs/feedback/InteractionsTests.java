package io.llmobs.feedback;

import java.time.Duration;
import java.util.Map;

import io.llmobs.test.AllocatedBytes;
import io.llmobs.test.SpanRecordingTracers;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactions of traced calls: one per trace, found by its trace id, at little cost
 * per call.
 */
class InteractionsTests {

	private final SdkTracerProvider tracerProvider = SpanRecordingTracers.withProcessor();

	private final Interactions interactions = new Interactions(10_000, Duration.ofMinutes(10), new MockClock(), null);

	@AfterEach
	void closeTracer() {
		this.tracerProvider.close();
	}

	@Test
	void callsOfOneTraceShareTheInteractionFoundByItsTraceId() {
		Observation.Context first = tracedCall();
		Interaction interaction = this.interactions.of(first);
		assertThat(this.interactions.of(first)).isSameAs(interaction);
		assertThat(this.interactions.find(traceId(first))).isSameAs(interaction);
		assertThat(this.interactions.of(tracedCall())).isNotSameAs(interaction);
	}

	@Test
	void findingTheInteractionOfAKnownTraceAllocatesNothing() {
		Observation.Context call = tracedCall();
		this.interactions.of(call);
		assertThat(AllocatedBytes.perRun(1_000, () -> this.interactions.of(call))).isZero();
	}

	private Observation.Context tracedCall() {
		TracingObservationHandler.TracingContext tracing = new TracingObservationHandler.TracingContext();
		tracing.setSpan(OtelSpan.fromOtel(this.tracerProvider.get("test").spanBuilder("call").startSpan()));
		ChatClientObservationContext context = ChatClientObservationContext.builder()
			.request(new ChatClientRequest(new Prompt("Where is my parcel?"), Map.of()))
			.build();
		context.put(TracingObservationHandler.TracingContext.class, tracing);
		return context;
	}

	private static String traceId(Observation.Context context) {
		TracingObservationHandler.TracingContext tracing = context
			.getRequired(TracingObservationHandler.TracingContext.class);
		return tracing.getSpan().context().traceId();
	}

}
