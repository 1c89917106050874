package io.llmobs.chat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.llmobs.capture.ContentAttributes;
import io.llmobs.conversation.ConversationSpanAttributes;
import io.llmobs.judge.JudgeSpanAttributes;
import io.llmobs.prompt.PromptSpanAttributes;
import io.llmobs.test.SemanticConventionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code gen_ai.*} attribute name llmobs declares is in the OpenTelemetry GenAI
 * registry and none is deprecated; {@code SemanticConventionsIntegrationTests} checks
 * what is emitted.
 */
class SemanticConventionNamesTests {

	@Test
	void everyGenAiAttributeIsInTheRegistry() {
		SemanticConventionRegistry registry = SemanticConventionRegistry.get();
		assertThat(registry.isAttribute("gen_ai.provider.name")).isTrue();
		assertThat(emittedGenAiNames()).isNotEmpty()
			.allSatisfy((name) -> assertThat(registry.isAttribute(name)).as(name).isTrue());
	}

	@Test
	void noDeprecatedNameIsEmitted() {
		SemanticConventionRegistry registry = SemanticConventionRegistry.get();
		assertThat(registry.deprecated()).contains("gen_ai.system");
		assertThat(emittedGenAiNames()).doesNotContainAnyElementsOf(registry.deprecated());
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

}
