package io.llmobs.mcp;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.llmobs.core.InstrumentationErrors;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decorates the tool specifications of an MCP server so that every {@code tools/call} it
 * handles is observed ({@link McpToolCallObservationDocumentation#TOOL_CALL}) and
 * continues the caller's trace from the request's {@code _meta}: the span is a child of
 * the caller's span, and the caller's baggage is current while the tool runs.
 */
public final class McpServerToolObservations {

	private static final McpToolCallObservationConvention DEFAULT_CONVENTION = new DefaultMcpToolCallObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable McpToolCallObservationConvention convention;

	private final InstrumentationErrors errors;

	/**
	 * Creates the decorator.
	 * @param registry where the calls are observed
	 * @param convention the application's convention, or {@code null} for the default one
	 * @param errors where failures inside llmobs are reported
	 */
	public McpServerToolObservations(ObservationRegistry registry,
			@Nullable McpToolCallObservationConvention convention, InstrumentationErrors errors) {
		this.registry = registry;
		this.convention = convention;
		this.errors = errors.register(TracePropagatingMcpMetaConverter.COMPONENT);
	}

	/**
	 * Decorates a synchronous tool; a decorated one is returned as it is.
	 * @param tool the tool
	 * @return the observed tool
	 */
	public McpServerFeatures.SyncToolSpecification decorate(McpServerFeatures.SyncToolSpecification tool) {
		if (tool.callHandler() instanceof ObservedSync<?> observed && observed.owner() == this) {
			return tool;
		}
		// The builder, not the constructor: on MCP SDK 0.17 (Spring AI 1.1) the
		// two-argument
		// constructor takes the deprecated Map-argument handler.
		return McpServerFeatures.SyncToolSpecification.builder()
			.tool(tool.tool())
			.callHandler(new ObservedSync<>(tool.callHandler(), McpSyncServerExchange::sessionId))
			.build();
	}

	/**
	 * Decorates an asynchronous tool; a decorated one is returned as it is.
	 * @param tool the tool
	 * @return the observed tool
	 */
	public McpServerFeatures.AsyncToolSpecification decorate(McpServerFeatures.AsyncToolSpecification tool) {
		if (tool.callHandler() instanceof ObservedAsync<?> observed && observed.owner() == this) {
			return tool;
		}
		return McpServerFeatures.AsyncToolSpecification.builder()
			.tool(tool.tool())
			.callHandler(new ObservedAsync<>(tool.callHandler(), McpAsyncServerExchange::sessionId))
			.build();
	}

	/**
	 * Decorates a synchronous tool of a stateless server; a decorated one is returned as
	 * it is.
	 * @param tool the tool
	 * @return the observed tool
	 */
	public McpStatelessServerFeatures.SyncToolSpecification decorate(
			McpStatelessServerFeatures.SyncToolSpecification tool) {
		if (tool.callHandler() instanceof ObservedSync<?> observed && observed.owner() == this) {
			return tool;
		}
		return new McpStatelessServerFeatures.SyncToolSpecification(tool.tool(),
				new ObservedSync<McpTransportContext>(tool.callHandler(), (context) -> null));
	}

	/**
	 * Decorates an asynchronous tool of a stateless server; a decorated one is returned
	 * as it is.
	 * @param tool the tool
	 * @return the observed tool
	 */
	public McpStatelessServerFeatures.AsyncToolSpecification decorate(
			McpStatelessServerFeatures.AsyncToolSpecification tool) {
		if (tool.callHandler() instanceof ObservedAsync<?> observed && observed.owner() == this) {
			return tool;
		}
		return new McpStatelessServerFeatures.AsyncToolSpecification(tool.tool(),
				new ObservedAsync<McpTransportContext>(tool.callHandler(), (context) -> null));
	}

	/**
	 * Decorates every tool specification of a list and leaves other elements as they are.
	 * @param elements the list, for example a {@code List<SyncToolSpecification>} bean
	 * @return a list with the tools decorated, or the same list when it holds none
	 */
	public List<?> decorateAll(List<?> elements) {
		if (elements.stream().noneMatch(McpServerToolObservations::isToolSpecification)) {
			return elements;
		}
		return elements.stream().map(this::decorateAny).toList();
	}

	/**
	 * Decorates a tool specification of any of the four kinds, and returns anything else
	 * as it is.
	 * @param candidate a tool specification or anything else
	 * @return the decorated tool, or the candidate
	 */
	public Object decorateAny(Object candidate) {
		if (candidate instanceof McpServerFeatures.SyncToolSpecification tool) {
			return decorate(tool);
		}
		if (candidate instanceof McpServerFeatures.AsyncToolSpecification tool) {
			return decorate(tool);
		}
		if (candidate instanceof McpStatelessServerFeatures.SyncToolSpecification tool) {
			return decorate(tool);
		}
		if (candidate instanceof McpStatelessServerFeatures.AsyncToolSpecification tool) {
			return decorate(tool);
		}
		return candidate;
	}

	/**
	 * Whether an object is a tool specification that {@link #decorateAny(Object)}
	 * decorates.
	 * @param candidate anything
	 * @return {@code true} for the four kinds of tool specification
	 */
	public static boolean isToolSpecification(@Nullable Object candidate) {
		return candidate instanceof McpServerFeatures.SyncToolSpecification
				|| candidate instanceof McpServerFeatures.AsyncToolSpecification
				|| candidate instanceof McpStatelessServerFeatures.SyncToolSpecification
				|| candidate instanceof McpStatelessServerFeatures.AsyncToolSpecification;
	}

	private <E> @Nullable Observation observation(CallToolRequest request, @Nullable E exchange,
			SessionIds<E> sessionIds) {
		// Spelled out: a lambda over the request, the exchange and its session ids would
		// allocate on every tool call.
		try {
			String sessionId = (exchange != null) ? sessionIds.sessionId(exchange) : null;
			return McpToolCallObservationDocumentation.TOOL_CALL.observation(this.convention, DEFAULT_CONVENTION,
					() -> new McpToolCallObservationContext(request, sessionId), this.registry);
		}
		catch (RuntimeException ex) {
			this.errors.record(TracePropagatingMcpMetaConverter.COMPONENT, ex);
			return null;
		}
	}

	private static void recordResult(Observation observation, @Nullable CallToolResult result) {
		if (observation.getContext() instanceof McpToolCallObservationContext context) {
			context.setResult(result);
		}
	}

	/**
	 * A synchronous handler observed; {@code E} is the exchange or the transport context.
	 */
	private final class ObservedSync<E> implements BiFunction<E, CallToolRequest, CallToolResult> {

		private final BiFunction<E, CallToolRequest, CallToolResult> delegate;

		private final SessionIds<E> sessionIds;

		ObservedSync(BiFunction<E, CallToolRequest, CallToolResult> delegate, SessionIds<E> sessionIds) {
			this.delegate = delegate;
			this.sessionIds = sessionIds;
		}

		McpServerToolObservations owner() {
			return McpServerToolObservations.this;
		}

		@Override
		public CallToolResult apply(E exchange, CallToolRequest request) {
			Observation observation = observation(request, exchange, this.sessionIds);
			if (observation == null) {
				return this.delegate.apply(exchange, request);
			}
			Supplier<CallToolResult> call = () -> {
				CallToolResult result = this.delegate.apply(exchange, request);
				recordResult(observation, result);
				return result;
			};
			return observation.observe(call);
		}

	}

	/** An asynchronous handler observed from subscription to its result. */
	private final class ObservedAsync<E> implements BiFunction<E, CallToolRequest, Mono<CallToolResult>> {

		private final BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate;

		private final SessionIds<E> sessionIds;

		ObservedAsync(BiFunction<E, CallToolRequest, Mono<CallToolResult>> delegate, SessionIds<E> sessionIds) {
			this.delegate = delegate;
			this.sessionIds = sessionIds;
		}

		McpServerToolObservations owner() {
			return McpServerToolObservations.this;
		}

		@Override
		public Mono<CallToolResult> apply(E exchange, CallToolRequest request) {
			return Mono.defer(() -> {
				Observation observation = observation(request, exchange, this.sessionIds);
				if (observation == null) {
					return this.delegate.apply(exchange, request);
				}
				observation.start();
				Mono<CallToolResult> call;
				try (Observation.Scope scope = observation.openScope()) {
					call = this.delegate.apply(exchange, request);
				}
				catch (RuntimeException ex) {
					observation.error(ex);
					observation.stop();
					throw ex;
				}
				return call.doOnNext((result) -> recordResult(observation, result))
					.doOnError(observation::error)
					.doFinally((signal) -> observation.stop())
					.contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
			});
		}

	}

	/** Reads the MCP session of a call from its exchange. */
	@FunctionalInterface
	private interface SessionIds<E> {

		@Nullable String sessionId(E exchange);

	}

}
