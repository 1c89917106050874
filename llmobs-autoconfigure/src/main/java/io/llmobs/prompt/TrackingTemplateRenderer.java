package io.llmobs.prompt;

import java.util.Map;
import java.util.function.Function;

import io.llmobs.core.InstrumentationErrors;

import org.springframework.ai.template.TemplateRenderer;

/**
 * Renders templates with a delegate and notes in {@link PromptRenders} which template
 * each result came from.
 */
final class TrackingTemplateRenderer implements TemplateRenderer {

	private final TemplateRenderer delegate;

	private final PromptRenders renders;

	private final Function<String, RenderedTemplate> source;

	private final InstrumentationErrors errors;

	/**
	 * Creates the renderer.
	 * @param delegate renders the templates
	 * @param renders where the results are noted
	 * @param source what a template is: its hash and registry prompt
	 * @param errors where a failure to note is reported
	 */
	TrackingTemplateRenderer(TemplateRenderer delegate, PromptRenders renders,
			Function<String, RenderedTemplate> source, InstrumentationErrors errors) {
		this.delegate = delegate;
		this.renders = renders;
		this.source = source;
		this.errors = errors.register(PromptIdentityResolver.COMPONENT);
	}

	/**
	 * The raw {@code Map} overrides both Spring AI lines' signatures:
	 * {@code Map<String, Object>} (1.1) and {@code Map<String, ? extends Object>} (2.0).
	 */
	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public String apply(String template, Map variables) {
		String rendered = this.delegate.apply(template, variables);
		// Spelled out: a lambda over the template and its rendering would allocate on
		// every render.
		try {
			this.renders.rendered(rendered, this.source.apply(template));
		}
		catch (RuntimeException ex) {
			this.errors.record(PromptIdentityResolver.COMPONENT, ex);
		}
		return rendered;
	}

}
