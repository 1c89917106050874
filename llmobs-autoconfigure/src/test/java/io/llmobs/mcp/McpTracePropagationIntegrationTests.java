package io.llmobs.mcp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.RecordedRequest;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Baggage;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.mcp.SyncMcpToolCallbackProvider;
import org.springframework.ai.mcp.ToolContextToMcpMetaConverter;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces across MCP, end to end: a ChatClient application whose model (a local
 * OpenAI-compatible server) asks for a tool that Spring AI's MCP client calls on a second
 * application, an MCP server built by Spring AI's auto-configuration on Tomcat. Both
 * applications are fully auto-configured with llmobs and export their spans to memory.
 */
class McpTracePropagationIntegrationTests {

	private static final String ANSWER = "Shipping to Berlin costs 7.49 EUR.";

	private static OpenAiCompatibleServer model;

	private static ConfigurableApplicationContext mcpServer;

	private static ConfigurableApplicationContext mcpClient;

	@BeforeAll
	static void start() {
		model = OpenAiCompatibleServer.start();
		mcpServer = new SpringApplicationBuilder(TracedApplication.class, ServerConfiguration.class)
			.web(WebApplicationType.SERVLET)
			.properties(TracedApplication.PROPERTIES)
			.properties("server.port=0", "spring.main.banner-mode=off", "spring.ai.mcp.server.enabled=true",
					"spring.ai.mcp.server.protocol=STREAMABLE", "spring.ai.mcp.server.name=parcels",
					"spring.ai.mcp.server.annotation-scanner.enabled=false",
					"management.tracing.baggage.remote-fields=tenant")
			.run();
		mcpClient = new SpringApplicationBuilder(TracedApplication.class).web(WebApplicationType.NONE)
			.properties(TracedApplication.PROPERTIES)
			.properties(clientProperties())
			.run();
	}

	@AfterAll
	static void stop() {
		mcpClient.close();
		mcpServer.close();
		model.close();
	}

	@BeforeEach
	void reset() {
		quoteFor("Berlin");
		mcpServer.getBean(InMemorySpanExporter.class).reset();
		mcpClient.getBean(InMemorySpanExporter.class).reset();
		mcpServer.getBean(ToolCallRecorder.class).calls.clear();
	}

	@Test
	void serverSpanContinuesTheTraceOfTheClientsToolSpanAndBaggageArrives() {
		double before = serverCalls();
		String answer;
		try (BaggageInScope tenant = mcpClient.getBean(Tracer.class).createBaggageInScope("tenant", "acme")) {
			answer = ask(mcpClient);
		}
		assertThat(answer).isEqualTo(ANSWER);
		assertThat(lastToolMessage()).contains("Berlin: 7.49 EUR");
		SpanData clientTool = span(spans(mcpClient), "execute_tool quote");
		SpanData serverTool = span(spans(mcpServer), "tools/call quote");
		assertThat(serverTool.getTraceId()).isEqualTo(clientTool.getTraceId());
		assertThat(serverTool.getParentSpanId()).isEqualTo(clientTool.getSpanId());
		assertThat(serverTool.getParentSpanContext().isRemote()).isTrue();
		assertThat(serverTool.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(attribute(serverTool, "mcp.method.name")).isEqualTo("tools/call");
		assertThat(attribute(serverTool, "gen_ai.operation.name")).isEqualTo("execute_tool");
		assertThat(attribute(serverTool, "gen_ai.tool.name")).isEqualTo("quote");
		assertThat(attribute(serverTool, "error.type")).isEqualTo("none");
		assertThat(attribute(serverTool, "mcp.session.id")).isNotBlank();
		assertThat(mcpServer.getBean(QuoteTool.class).tenants).containsExactly("acme");
		Map<String, Object> meta = lastMeta();
		assertThat(meta).containsKeys("traceparent");
		assertThat((String) meta.get("baggage")).startsWith("tenant=acme");
		assertThat((String) meta.get("traceparent")).contains(clientTool.getTraceId()).contains(clientTool.getSpanId());
		assertThat(serverCalls()).isEqualTo(before + 1);
	}

	@Test
	void mcpToolCallbacksReachedThroughAChatClientAreGuarded() {
		double before = toolCalls(mcpClient, "success");
		ask(mcpClient);
		SpanData clientTool = span(spans(mcpClient), "execute_tool quote");
		assertThat(attribute(clientTool, "llmobs.tool.outcome")).isEqualTo("success");
		assertThat(attribute(clientTool, "llmobs.circuit_breaker.state")).isEqualTo("closed");
		assertThat(toolCalls(mcpClient, "success")).isEqualTo(before + 1);
	}

	/**
	 * With a time limit, the tool runs on a worker thread: the trace and the baggage must
	 * reach it there too.
	 */
	@Test
	void applicationsOwnConverterKeepsItsEntriesAndTheTraceGoesAlongUnderAToolTimeLimit() {
		ApplicationContextRunner runner = TracedApplication.runner()
			.withPropertyValues(clientProperties())
			.withPropertyValues("llmobs.tools.timeout=10s")
			.withUserConfiguration(AppMetaConfiguration.class);
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			try (BaggageInScope tenant = context.getBean(Tracer.class).createBaggageInScope("tenant", "acme")) {
				ask(context);
			}
			SpanData clientTool = span(spans(context), "execute_tool quote");
			SpanData serverTool = span(spans(mcpServer), "tools/call quote");
			assertThat(serverTool.getTraceId()).isEqualTo(clientTool.getTraceId());
			assertThat(serverTool.getParentSpanId()).isEqualTo(clientTool.getSpanId());
			Map<String, Object> meta = lastMeta();
			assertThat(meta).containsEntry("app", "parcels-web").containsKey("traceparent");
			assertThat((String) meta.get("baggage")).startsWith("tenant=acme");
		});
	}

	@Test
	void callWithoutMetaStartsItsOwnTraceAndIsAnswered() {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + port())
			.build();
		try (McpSyncClient client = McpClient.sync(transport).build()) {
			client.initialize();
			CallToolResult result = client
				.callTool(CallToolRequest.builder("quote").arguments(Map.of("destination", "Hamburg")).build());
			assertThat(result.isError()).isFalse();
			assertThat(((TextContent) result.content().get(0)).text()).contains("Hamburg: 7.49 EUR");
		}
		SpanData serverTool = span(spans(mcpServer), "tools/call quote");
		assertThat(serverTool.getParentSpanContext().isRemote()).isFalse();
		assertThat(lastMeta()).isEmpty();
	}

	@Test
	void failedToolIsAnErrorOnTheServerSpan() {
		quoteFor("Atlantis");
		ask(mcpClient);
		SpanData serverTool = span(spans(mcpServer), "tools/call quote");
		assertThat(attribute(serverTool, "error.type")).isEqualTo("tool_error");
		assertThat(attribute(span(spans(mcpClient), "execute_tool quote"), "llmobs.tool.outcome")).isEqualTo("error");
	}

	/**
	 * The model asks for a quote to the destination, then answers from the tool's result.
	 */
	private static void quoteFor(String destination) {
		model.reset();
		AtomicInteger ids = new AtomicInteger();
		model.respondWith((request) -> "tool".equals(lastRole(request)) ? StubResponse.completion(ANSWER) : StubResponse
			.toolCall("call-" + ids.incrementAndGet(), "quote", "{\"destination\":\"" + destination + "\"}"));
	}

	private static String[] clientProperties() {
		return new String[] { "spring.main.banner-mode=off", "spring.ai.openai.base-url=" + model.baseUrl(),
				"spring.ai.mcp.client.enabled=true", "spring.ai.mcp.client.annotation-scanner.enabled=false",
				"spring.ai.mcp.client.streamable-http.connections.parcels.url=http://localhost:" + port(),
				"management.tracing.baggage.remote-fields=tenant" };
	}

	private static double serverCalls() {
		Timer timer = mcpServer.getBean(MeterRegistry.class)
			.find("mcp.server.operation")
			.tags("gen_ai.tool.name", "quote", "mcp.method.name", "tools/call", "gen_ai.operation.name", "execute_tool",
					"error.type", "none")
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static double toolCalls(ApplicationContext context, String outcome) {
		Timer timer = context.getBean(MeterRegistry.class)
			.find("llmobs.tool")
			.tags("tool", "quote", "stage", "quote", "outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static String ask(ApplicationContext context) {
		return context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("What does shipping to Berlin cost?")
			.toolCallbacks(context.getBean(SyncMcpToolCallbackProvider.class).getToolCallbacks())
			.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
			.call()
			.content();
	}

	private static int port() {
		return ((WebServerApplicationContext) mcpServer).getWebServer().getPort();
	}

	private static Map<String, Object> lastMeta() {
		List<McpToolCallObservationContext> calls = mcpServer.getBean(ToolCallRecorder.class).calls;
		assertThat(calls).hasSize(1);
		Map<String, Object> meta = calls.get(0).getRequest().meta();
		return (meta != null) ? meta : Map.of();
	}

	private static String lastRole(RecordedRequest request) {
		JsonNode messages = request.messages();
		return messages.get(messages.size() - 1).path("role").asString();
	}

	private static String lastToolMessage() {
		JsonNode messages = model.lastRequest().messages();
		return messages.get(messages.size() - 1).path("content").asString();
	}

	@Configuration(proxyBeanMethods = false)
	static class ServerConfiguration {

		@Bean
		QuoteTool quoteTool(Tracer tracer) {
			return new QuoteTool(tracer);
		}

		@Bean
		ToolCallbackProvider parcelTools(QuoteTool quoteTool) {
			return MethodToolCallbackProvider.builder().toolObjects(quoteTool).build();
		}

		@Bean
		ToolCallRecorder toolCallRecorder() {
			return new ToolCallRecorder();
		}

	}

	/** The server's tool: a parcel quote that remembers the tenant baggage it saw. */
	static class QuoteTool {

		final List<String> tenants = new CopyOnWriteArrayList<>();

		private final Tracer tracer;

		QuoteTool(Tracer tracer) {
			this.tracer = tracer;
		}

		@Tool(description = "Quotes the price in EUR of shipping a parcel to a German city")
		String quote(String destination) {
			if ("Atlantis".equals(destination)) {
				throw new IllegalArgumentException("no parcels to Atlantis");
			}
			Baggage tenant = this.tracer.getBaggage("tenant");
			String value = (tenant != null) ? tenant.get() : null;
			if (value != null) {
				this.tenants.add(value);
			}
			return destination + ": 7.49 EUR";
		}

	}

	/**
	 * Keeps the server's tool-call observations, to read the {@code _meta} they received.
	 */
	static class ToolCallRecorder implements ObservationHandler<McpToolCallObservationContext> {

		final List<McpToolCallObservationContext> calls = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(McpToolCallObservationContext context) {
			this.calls.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof McpToolCallObservationContext;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AppMetaConfiguration {

		@Bean
		ToolContextToMcpMetaConverter appMeta() {
			return (toolContext) -> Map.of("app", "parcels-web");
		}

	}

}
