package io.llmobs.mcp;

import java.util.LinkedHashMap;
import java.util.Map;

import io.llmobs.core.InstrumentationErrors;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.mcp.ToolContextToMcpMetaConverter;

/**
 * Adds the caller's trace context to the {@code _meta} of every MCP tool call that Spring
 * AI's MCP tool callbacks send: the application's propagator writes its fields
 * ({@code traceparent}, {@code tracestate}, {@code baggage} with W3C propagation) beside
 * the entries of the converter it wraps, whose entries win on a clash.
 */
public final class TracePropagatingMcpMetaConverter implements ToolContextToMcpMetaConverter {

	/**
	 * Where trace propagation over MCP: the client's {@code _meta} and the server's
	 * tool-call observations report failures in {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("mcp");

	private final ToolContextToMcpMetaConverter delegate;

	private final Tracer tracer;

	private final Propagator propagator;

	private final InstrumentationErrors errors;

	/**
	 * Wraps a converter.
	 * @param delegate the converter whose entries are sent, Spring AI's default one or
	 * the application's
	 * @param tracer where the current trace context is read
	 * @param propagator how it is written
	 * @param errors where failures inside llmobs are reported
	 */
	public TracePropagatingMcpMetaConverter(ToolContextToMcpMetaConverter delegate, Tracer tracer,
			Propagator propagator, InstrumentationErrors errors) {
		this.delegate = delegate;
		this.tracer = tracer;
		this.propagator = propagator;
		this.errors = errors.register(COMPONENT);
	}

	@Override
	public Map<String, Object> convert(ToolContext toolContext) {
		Map<String, Object> meta = this.delegate.convert(toolContext);
		return this.errors.call(COMPONENT, this, meta, TracePropagatingMcpMetaConverter::propagate, meta);
	}

	private Map<String, Object> propagate(Map<String, Object> meta) {
		TraceContext current = this.tracer.currentTraceContext().context();
		if (current == null) {
			return meta;
		}
		Map<String, Object> propagated = (meta != null) ? new LinkedHashMap<>(meta) : new LinkedHashMap<>();
		this.propagator.inject(current, propagated, (carrier, key, value) -> {
			if (carrier != null) {
				carrier.putIfAbsent(key, value);
			}
		});
		return propagated;
	}

	/**
	 * The converter this one adds the trace context to.
	 * @return the wrapped converter
	 */
	public ToolContextToMcpMetaConverter getDelegate() {
		return this.delegate;
	}

}
