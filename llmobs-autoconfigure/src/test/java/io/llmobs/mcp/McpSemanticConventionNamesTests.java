package io.llmobs.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.common.docs.KeyName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every attribute of the MCP server span is a name of the OpenTelemetry GenAI and MCP
 * registry.
 */
class McpSemanticConventionNamesTests {

	@Test
	void everyAttributeIsInTheRegistry() throws IOException {
		Set<String> registry = new HashSet<>(names("/semconv/gen-ai-attributes.txt"));
		registry.addAll(names("/semconv/mcp-attributes.txt"));
		assertThat(registry).contains("mcp.method.name", "gen_ai.tool.name");
		assertThat(emitted()).hasSize(5).allSatisfy((name) -> assertThat(registry).contains(name));
	}

	private static List<String> emitted() {
		KeyName[] low = McpToolCallObservationDocumentation.TOOL_CALL.getLowCardinalityKeyNames();
		KeyName[] high = McpToolCallObservationDocumentation.TOOL_CALL.getHighCardinalityKeyNames();
		return Stream.concat(Arrays.stream(low), Arrays.stream(high)).map(KeyName::asString).toList();
	}

	private static Set<String> names(String resource) throws IOException {
		try (InputStream input = McpSemanticConventionNamesTests.class.getResourceAsStream(resource)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.collect(Collectors.toSet());
		}
	}

}
