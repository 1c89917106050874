package io.llmobs.semconv;

import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values the exporter meets in Spring AI's string form, beyond those a stub server
 * makes: several finish reasons, values that are not in that form.
 */
class SemanticConventionSpanExporterTests {

	private final InMemorySpanExporter exported = InMemorySpanExporter.create();

	private final SemanticConventionSpanExporter exporter = new SemanticConventionSpanExporter(this.exported, false);

	@Test
	void listsOfSeveralValuesBecomeStringArrays() {
		SpanData span = map(this.exporter,
				Attributes.builder()
					.put("gen_ai.operation.name", "chat")
					.put("gen_ai.response.finish_reasons", "[\"stop\", \"length\"]")
					.put("gen_ai.request.stop_sequences", "[\"END\"]")
					.build());
		assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly("stop", "length");
		assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences")))
			.containsExactly("END");
	}

	@Test
	void valuesNotInSpringAisFormStayStrings() {
		SpanData span = map(this.exporter,
				Attributes.builder()
					.put("gen_ai.operation.name", "chat")
					.put("gen_ai.usage.input_tokens", "many")
					.put("gen_ai.request.temperature", "warm")
					.put("gen_ai.response.finish_reasons", "stop")
					.build());
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.input_tokens"))).isEqualTo("many");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.request.temperature"))).isEqualTo("warm");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.response.finish_reasons")))
			.isEqualTo("stop");
	}

	@Test
	void spansOfNoGenAiOperationAreLeftAlone() {
		Attributes attributes = Attributes.of(AttributeKey.stringKey("gen_ai.usage.input_tokens"), "25",
				AttributeKey.stringKey("gen_ai.system"), "openai");
		assertThat(map(this.exporter, attributes).getAttributes()).isEqualTo(attributes);
	}

	@Test
	void legacyNamesAreDroppedWithoutCountingThemAsDroppedAttributes() {
		SpanData span = map(this.exporter,
				Attributes.builder()
					.put("gen_ai.operation.name", "framework")
					.put("spring.ai.kind", "chat_client")
					.put("gen_ai.system", "spring_ai")
					.build());
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("invoke_agent");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isNull();
		assertThat(span.getTotalAttributeCount()).isEqualTo(span.getAttributes().size());
	}

	@Test
	void legacyNamesAreKeptAndTheTypesSetAnyway() {
		SpanData span = map(new SemanticConventionSpanExporter(this.exported, true),
				Attributes.builder()
					.put("gen_ai.operation.name", "evaluate")
					.put("gen_ai.system", "openai")
					.put("gen_ai.usage.output_tokens", "3")
					.build());
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("evaluate");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.system"))).isEqualTo("openai");
		assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(3);
	}

	private SpanData map(SemanticConventionSpanExporter exporter, Attributes attributes) {
		SpanData span = TestSpanData.builder()
			.setName("span")
			.setKind(SpanKind.INTERNAL)
			.setSpanContext(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
					TraceFlags.getSampled(), TraceState.getDefault()))
			.setStartEpochNanos(1)
			.setEndEpochNanos(2)
			.setHasEnded(true)
			.setStatus(StatusData.create(StatusCode.UNSET, ""))
			.setAttributes(attributes)
			.setTotalAttributeCount(attributes.size())
			.setTotalRecordedEvents(0)
			.setTotalRecordedLinks(0)
			.setEvents(List.of())
			.setLinks(List.of())
			.build();
		this.exported.reset();
		assertThat(exporter.export(List.of(span)).isSuccess()).isTrue();
		List<SpanData> spans = this.exported.getFinishedSpanItems();
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

}
