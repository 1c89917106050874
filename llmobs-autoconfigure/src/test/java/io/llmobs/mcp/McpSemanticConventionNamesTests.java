package io.llmobs.mcp;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.llmobs.test.SemanticConventionRegistry;
import io.micrometer.common.docs.KeyName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every attribute of the MCP server span is a name of the OpenTelemetry GenAI and MCP
 * registry.
 */
class McpSemanticConventionNamesTests {

	@Test
	void everyAttributeIsInTheRegistry() {
		SemanticConventionRegistry registry = SemanticConventionRegistry.get();
		assertThat(emitted()).hasSize(5)
			.allSatisfy(
					(name) -> assertThat(registry.isAttribute(name) && !registry.isDeprecated(name)).as(name).isTrue());
	}

	private static List<String> emitted() {
		KeyName[] low = McpToolCallObservationDocumentation.TOOL_CALL.getLowCardinalityKeyNames();
		KeyName[] high = McpToolCallObservationDocumentation.TOOL_CALL.getHighCardinalityKeyNames();
		return Stream.concat(Arrays.stream(low), Arrays.stream(high)).map(KeyName::asString).toList();
	}

}
