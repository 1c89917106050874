package io.llmobs.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.llmobs.autoconfigure.context.LlmObsContextProperties;
import io.llmobs.autoconfigure.core.LlmObsProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code llmobs.*} property reaches the IDE with a description and its real
 * default.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribed() throws IOException {
		JsonNode properties = metadata().path("properties");
		assertThat(
				properties.valueStream().filter((property) -> property.path("name").asString().startsWith("llmobs.")))
			.isNotEmpty()
			.allSatisfy((property) -> assertThat(property.path("description").asString())
				.as(property.path("name").asString())
				.isNotBlank());
	}

	@Test
	void everyPropertyIsInTheReference() throws IOException {
		String reference = Files.readString(Path.of("..", "docs", "reference.md"));
		JsonNode properties = metadata().path("properties");
		assertThat(properties.valueStream()
			.map((property) -> property.path("name").asString())
			.filter((name) -> name.startsWith("llmobs.") && !reference.contains("`" + name)))
			.as("properties missing from docs/reference.md")
			.isEmpty();
	}

	@Test
	void tagLimitsHaveTheirDefaults() throws IOException {
		LlmObsProperties defaults = new LlmObsProperties();
		JsonNode properties = metadata().path("properties");
		assertThat(defaultOf(properties, "llmobs.stage.max-values")).isEqualTo(defaults.getStage().getMaxValues());
		assertThat(defaultOf(properties, "llmobs.tenant.max-values")).isEqualTo(defaults.getTenant().getMaxValues());
		assertThat(defaultOf(properties, "llmobs.model.max-values")).isEqualTo(defaults.getModel().getMaxValues());
		assertThat(defaultOf(properties, "llmobs.task.max-values")).isEqualTo(defaults.getTask().getMaxValues());
	}

	@Test
	void contextRatiosHaveTheirDefaults() throws IOException {
		LlmObsContextProperties defaults = new LlmObsContextProperties();
		JsonNode properties = metadata().path("properties");
		assertThat(property(properties, "llmobs.context.warn-ratio").path("defaultValue").asDouble())
			.isEqualTo(defaults.getWarnRatio());
		assertThat(property(properties, "llmobs.context.block-ratio").has("defaultValue")).as("unset").isFalse();
		assertThat(property(properties, "llmobs.context.cache.expire-after-access").path("defaultValue").asString())
			.isEqualTo("10m");
	}

	private static JsonNode property(JsonNode properties, String name) {
		return properties.valueStream()
			.filter((property) -> property.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no property " + name));
	}

	private static int defaultOf(JsonNode properties, String name) {
		return properties.valueStream()
			.filter((property) -> property.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.path("defaultValue")
			.asInt();
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream input = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			return JsonMapper.builder().build().readTree(input);
		}
	}

}
