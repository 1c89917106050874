package io.llmobs.prompt;

import java.time.Clock;
import java.util.Map;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.PromptTagValues;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.template.TemplateRenderer;
import org.springframework.ai.template.st.StTemplateRenderer;

/**
 * Prompt versions, built once from the templates: hands out the registry and the
 * inventory, and the observation handler, span filter and tracking renderer as the types
 * Micrometer and Spring AI take, so that the renders, the identity resolution and the
 * enrichment stay inside this package.
 */
public final class PromptInstrumentation {

	/** Rendered texts, and template hashes, remembered at most. */
	private static final int MAX_RENDERS = 10_000;

	/** Distinct prompt identities of calls listed by the endpoint at most. */
	private static final int MAX_LISTED = 100;

	private final PromptRegistry registry;

	private final PromptInventory inventory;

	private final PromptIdentityResolver resolver;

	private final ObservationHandler<ChatClientObservationContext> observationHandler;

	private final ObservationFilter spanEnricher;

	/**
	 * Creates the prompt versions.
	 * @param templates template texts by prompt name
	 * @param clock when the templates are loaded and calls' identities are first seen
	 * @param tagValues bounds the prompt name and version tags of the chat and judge
	 * meters, {@code null} when the meters carry none
	 * @param errors where failures inside llmobs are reported
	 */
	public PromptInstrumentation(Map<String, String> templates, Clock clock, @Nullable PromptTagValues tagValues,
			InstrumentationErrors errors) {
		PromptRenders renders = new PromptRenders(MAX_RENDERS);
		this.registry = new PromptRegistry(templates, clock.instant(), StTemplateRenderer.builder().build(), renders,
				errors);
		this.inventory = new PromptInventory(this.registry, clock, MAX_LISTED);
		this.resolver = new PromptIdentityResolver(this.registry, renders, this.inventory, errors);
		this.observationHandler = new PromptObservationHandler(this.resolver, tagValues, errors);
		this.spanEnricher = new PromptSpanEnricher(errors);
	}

	/**
	 * The registry of the templates, for the application.
	 * @return the registry
	 */
	public PromptRegistry registry() {
		return this.registry;
	}

	/**
	 * The registry and the identities calls carried, for the actuator endpoint.
	 * @return the inventory
	 */
	public PromptInventory inventory() {
		return this.inventory;
	}

	/**
	 * Resolves the prompt identity of every {@code ChatClient} call when it starts.
	 * @return the handler of {@code ChatClient} observations
	 */
	public ObservationHandler<ChatClientObservationContext> observationHandler() {
		return this.observationHandler;
	}

	/**
	 * Adds the prompt identity to the spans of a call and of its model calls.
	 * @return the filter
	 */
	public ObservationFilter spanEnricher() {
		return this.spanEnricher;
	}

	/**
	 * A renderer that renders as the given one does and remembers which template each
	 * text came from.
	 * @param delegate the renderer that renders
	 * @return the tracking renderer
	 */
	public TemplateRenderer trackingRenderer(TemplateRenderer delegate) {
		return this.resolver.trackingRenderer(delegate);
	}

}
