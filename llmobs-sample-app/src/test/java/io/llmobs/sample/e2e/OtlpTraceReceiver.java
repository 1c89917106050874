package io.llmobs.sample.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OTLP/HTTP trace receiver on a local port: decodes the protobuf export requests the
 * application sends to {@code /v1/traces} and keeps their spans.
 */
final class OtlpTraceReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	OtlpTraceReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/traces", this::receive);
		this.server.start();
	}

	/** The endpoint to configure as the application's OTLP traces endpoint. */
	String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1/traces";
	}

	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
			for (ResourceSpans resource : request.getResourceSpansList()) {
				for (ScopeSpans scope : resource.getScopeSpansList()) {
					scope.getSpansList().forEach((span) -> this.spans.add(ReceivedSpan.of(span)));
				}
			}
			exchange.sendResponseHeaders(200, -1);
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A span as exported.
	 *
	 * @param traceId the trace id, hex
	 * @param spanId the span id, hex
	 * @param parentSpanId the parent's span id, hex, empty for a root
	 * @param name the span name
	 * @param attributes the attributes, as strings
	 * @param events the names of the span's events with their attributes
	 */
	record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, Map<String, String> attributes,
			List<ReceivedEvent> events) {

		static ReceivedSpan of(io.opentelemetry.proto.trace.v1.Span span) {
			HexFormat hex = HexFormat.of();
			return new ReceivedSpan(hex.formatHex(span.getTraceId().toByteArray()),
					hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
					span.getName(), attributes(span.getAttributesList()),
					span.getEventsList()
						.stream()
						.map((event) -> new ReceivedEvent(event.getName(), attributes(event.getAttributesList())))
						.toList());
		}

		private static Map<String, String> attributes(List<KeyValue> keyValues) {
			Map<String, String> attributes = new LinkedHashMap<>();
			for (KeyValue keyValue : keyValues) {
				attributes.put(keyValue.getKey(), text(keyValue.getValue()));
			}
			return attributes;
		}

		private static String text(AnyValue value) {
			return switch (value.getValueCase()) {
				case STRING_VALUE -> value.getStringValue();
				case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
				case INT_VALUE -> Long.toString(value.getIntValue());
				case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
				default -> value.toString();
			};
		}

	}

	/**
	 * A span event.
	 *
	 * @param name its name
	 * @param attributes its attributes, as strings
	 */
	record ReceivedEvent(String name, Map<String, String> attributes) {
	}

}
