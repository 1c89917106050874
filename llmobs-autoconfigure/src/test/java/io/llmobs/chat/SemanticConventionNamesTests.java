package io.llmobs.chat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.llmobs.capture.ContentAttributes;
import io.llmobs.conversation.ConversationSpanAttributes;
import io.llmobs.judge.JudgeSpanAttributes;
import io.llmobs.prompt.PromptSpanAttributes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code gen_ai.*} attribute name llmobs emits is in the OpenTelemetry GenAI
 * registry and none is deprecated.
 */
class SemanticConventionNamesTests {

	@Test
	void everyGenAiAttributeIsInTheRegistry() throws IOException {
		Set<String> registry = names("/semconv/gen-ai-attributes.txt");
		assertThat(registry).contains("gen_ai.provider.name");
		assertThat(emittedGenAiNames()).isNotEmpty().allSatisfy((name) -> assertThat(registry).contains(name));
	}

	@Test
	void noDeprecatedNameIsEmitted() throws IOException {
		Set<String> deprecated = names("/semconv/gen-ai-deprecated.txt");
		assertThat(deprecated).contains("gen_ai.system");
		assertThat(emittedGenAiNames()).doesNotContainAnyElementsOf(deprecated);
	}

	@Test
	void ownAttributesUseTheLlmObsNamespace() {
		assertThat(constants()).filteredOn((name) -> !name.startsWith("gen_ai."))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(name).startsWith("llmobs."));
	}

	private static List<String> emittedGenAiNames() {
		return Stream.concat(constants().stream(), constants(ContentAttributes.class).stream())
			.filter((name) -> name.startsWith("gen_ai."))
			.toList();
	}

	private static List<String> constants() {
		return constants(ChatSpanAttributes.class, PromptSpanAttributes.class, JudgeSpanAttributes.class,
				ConversationSpanAttributes.class);
	}

	private static List<String> constants(Class<?>... holders) {
		return Stream.of(holders)
			.flatMap((type) -> Arrays.stream(type.getDeclaredFields()))
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(SemanticConventionNamesTests::value)
			.toList();
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<String> names(String resource) throws IOException {
		try (InputStream input = SemanticConventionNamesTests.class.getResourceAsStream(resource)) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.collect(Collectors.toSet());
		}
	}

}
