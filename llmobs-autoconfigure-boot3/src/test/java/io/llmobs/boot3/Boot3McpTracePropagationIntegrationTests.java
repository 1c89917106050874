package io.llmobs.boot3;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmobs.core.LlmObsParams;
import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.StubResponse;
import io.llmobs.test.TracedApplication;
import io.micrometer.tracing.Baggage;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.mcp.SyncMcpToolCallbackProvider;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.llmobs.test.TracedApplication.attribute;
import static io.llmobs.test.TracedApplication.span;
import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace across MCP on Spring AI 1.1 and MCP Java SDK 0.17: a ChatClient application
 * whose model asks for a tool that Spring AI 1.1's MCP client calls on a second
 * application, an MCP server built by Spring AI 1.1's auto-configuration over Streamable
 * HTTP on Tomcat; both are Boot 3.5 applications with llmobs.
 */
class Boot3McpTracePropagationIntegrationTests {

	private static final String ANSWER = "Shipping to Berlin costs 7.49 EUR.";

	private static OpenAiCompatibleServer model;

	private static ConfigurableApplicationContext mcpServer;

	private static ConfigurableApplicationContext mcpClient;

	@BeforeAll
	static void start() {
		model = OpenAiCompatibleServer.start();
		mcpServer = new SpringApplicationBuilder(TracedApplication.class, ServerConfiguration.class)
			.web(WebApplicationType.SERVLET)
			.properties(Boot3Application.properties(model))
			.properties("server.port=0", "spring.main.banner-mode=off", "spring.ai.mcp.server.enabled=true",
					"spring.ai.mcp.server.protocol=STREAMABLE", "spring.ai.mcp.server.name=parcels",
					"spring.ai.mcp.server.annotation-scanner.enabled=false",
					"management.tracing.baggage.remote-fields=tenant")
			.run();
		mcpClient = new SpringApplicationBuilder(TracedApplication.class).web(WebApplicationType.NONE)
			.properties(Boot3Application.properties(model))
			.properties("spring.main.banner-mode=off", "spring.ai.mcp.client.enabled=true",
					"spring.ai.mcp.client.annotation-scanner.enabled=false",
					"spring.ai.mcp.client.streamable-http.connections.parcels.url=http://localhost:"
							+ mcpServer.getEnvironment().getProperty("local.server.port"),
					"management.tracing.baggage.remote-fields=tenant")
			.run();
	}

	@AfterAll
	static void stop() {
		mcpClient.close();
		mcpServer.close();
		model.close();
	}

	@Test
	void serverToolSpanContinuesTheTraceOfTheClientsToolSpanAndBaggageArrives() {
		AtomicInteger ids = new AtomicInteger();
		model.respondWith((request) -> "tool"
			.equals(request.messages().get(request.messages().size() - 1).path("role").asString())
					? StubResponse.completion(ANSWER)
					: StubResponse.toolCall("call-" + ids.incrementAndGet(), "quote", "{\"destination\":\"Berlin\"}"));
		String answer;
		try (BaggageInScope tenant = mcpClient.getBean(Tracer.class).createBaggageInScope("tenant", "acme")) {
			answer = mcpClient.getBean(ChatClient.Builder.class)
				.build()
				.prompt("What does shipping to Berlin cost?")
				.toolCallbacks(mcpClient.getBean(SyncMcpToolCallbackProvider.class).getToolCallbacks())
				.advisors((a) -> a.param(LlmObsParams.STAGE, "quote"))
				.call()
				.content();
		}
		assertThat(answer).isEqualTo(ANSWER);
		SpanData clientTool = span(spans(mcpClient), "tool_call quote");
		SpanData serverTool = span(spans(mcpServer), "tools/call quote");
		assertThat(serverTool.getTraceId()).isEqualTo(clientTool.getTraceId());
		assertThat(serverTool.getParentSpanId()).isEqualTo(clientTool.getSpanId());
		assertThat(serverTool.getParentSpanContext().isRemote()).isTrue();
		assertThat(serverTool.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(attribute(serverTool, "gen_ai.tool.name")).isEqualTo("quote");
		assertThat(attribute(serverTool, "error.type")).isEqualTo("none");
		assertThat(attribute(clientTool, "llmobs.tool.outcome")).isEqualTo("success");
		assertThat(mcpServer.getBean(QuoteTool.class).tenants).containsExactly("acme");
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
			Baggage tenant = this.tracer.getBaggage("tenant");
			String value = (tenant != null) ? tenant.get() : null;
			if (value != null) {
				this.tenants.add(value);
			}
			return destination + ": 7.49 EUR";
		}

	}

}
