package io.llmobs.boot3;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.llmobs.test.OpenAiCompatibleServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.llmobs.boot3.Boot3Application.meters;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools of an MCP server on MCP Java SDK 0.17 (Spring AI 1.1's) are observed: their
 * specification is rebuilt through the SDK's builder, since its two-argument constructor
 * takes the deprecated handler of the arguments map on this version.
 */
class Boot3McpServerToolsTests {

	private static final CallToolResult ANSWER = CallToolResult.builder().textContent(List.of("7.49 EUR")).build();

	private static final BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> HANDLER = (exchange,
			request) -> ANSWER;

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	@Test
	void serverToolIsObservedAndStillAnswers() {
		Boot3Application.run(Boot3Application.runner(server).withUserConfiguration(ToolConfiguration.class),
				(context) -> {
					SyncToolSpecification tool = context.getBean(SyncToolSpecification.class);
					assertThat(tool.callHandler()).isNotSameAs(HANDLER);
					assertThat(tool.callHandler().apply(null, new CallToolRequest("quote", Map.of()))).isSameAs(ANSWER);
					assertThat(meters(context).get("mcp.server.operation")
						.tags("gen_ai.tool.name", "quote", "error.type", "none")
						.timer()
						.count()).isOne();
				});
	}

	@Configuration(proxyBeanMethods = false)
	static class ToolConfiguration {

		@Bean
		SyncToolSpecification quoteTool() {
			McpSchema.Tool quote = McpSchema.Tool.builder()
				.name("quote")
				.inputSchema(new McpSchema.JsonSchema("object", Map.of(), List.of(), false, Map.of(), Map.of()))
				.build();
			return SyncToolSpecification.builder().tool(quote).callHandler(HANDLER).build();
		}

	}

}
