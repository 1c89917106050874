package io.llmobs.prompt;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.llmobs.core.InstrumentationErrors;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.template.TemplateRenderer;

/**
 * The application's named prompt templates, each versioned by its content; it hands out
 * Spring AI {@code PromptTemplate}s whose renders are tied back to the prompt's name and
 * version.
 */
public final class PromptRegistry {

	private final Map<String, RegisteredPrompt> byName;

	private final Map<String, RegisteredPrompt> byText;

	/**
	 * Creates a registry.
	 * @param templates template texts by prompt name
	 * @param loadedAt when the templates were loaded, their first-seen time
	 * @param renderer renders the templates
	 * @param renders where renders are noted
	 * @param errors where a failure to note a render is reported
	 */
	PromptRegistry(Map<String, String> templates, Instant loadedAt, TemplateRenderer renderer, PromptRenders renders,
			InstrumentationErrors errors) {
		Map<String, RegisteredPrompt> byName = new TreeMap<>();
		Map<String, RegisteredPrompt> byText = new HashMap<>();
		templates.forEach((name, text) -> {
			RegisteredPrompt prompt = new RegisteredPrompt(name, text, loadedAt, renderer, renders, errors);
			byName.put(name, prompt);
			byText.putIfAbsent(text, prompt);
		});
		this.byName = Collections.unmodifiableMap(byName);
		this.byText = byText;
	}

	/**
	 * The prompt of the given name.
	 * @param name the template's file name without extension
	 * @return the prompt
	 * @throws IllegalArgumentException when there is none, naming the known ones
	 */
	public RegisteredPrompt get(String name) {
		RegisteredPrompt prompt = this.byName.get(name);
		if (prompt == null) {
			throw new IllegalArgumentException(
					"No prompt named '" + name + "' (under llmobs.prompts.location); known: " + this.byName.keySet());
		}
		return prompt;
	}

	/**
	 * The prompt of the given name, if any.
	 * @param name the prompt name
	 * @return the prompt
	 */
	public Optional<RegisteredPrompt> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/**
	 * The prompt whose template is exactly this text, as {@code ChatClient} receives it
	 * from {@link RegisteredPrompt#text()}.
	 * @param text a template or message text
	 * @return the prompt, or {@code null}
	 */
	public @Nullable RegisteredPrompt findByText(String text) {
		return this.byText.get(text);
	}

	/**
	 * Every prompt, by name.
	 * @return the prompts
	 */
	public Collection<RegisteredPrompt> prompts() {
		return this.byName.values();
	}

	/**
	 * The prompt names.
	 * @return the names, sorted
	 */
	public List<String> names() {
		return List.copyOf(this.byName.keySet());
	}

}
