package io.llmobs.prompt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * Remembers which template each recently rendered text came from, so a call whose
 * messages were rendered from a template is tied to the template and not to the rendered
 * text (which holds user data). Keys are weak and compared by identity: a rendered text
 * is found only as the very string that was put into the message, and is forgotten once
 * the message is gone.
 */
final class PromptRenders {

	private final Cache<String, RenderedTemplate> renders;

	private final Cache<String, String> templateHashes;

	/**
	 * Creates the memory.
	 * @param maxSize rendered texts, and template hashes, kept at most
	 */
	PromptRenders(long maxSize) {
		this.renders = Caffeine.newBuilder().weakKeys().maximumSize(maxSize).build();
		this.templateHashes = Caffeine.newBuilder().weakKeys().maximumSize(maxSize).build();
	}

	/**
	 * Notes that a text was rendered from a template.
	 * @param rendered the rendered text
	 * @param source its template
	 */
	public void rendered(String rendered, RenderedTemplate source) {
		this.renders.put(rendered, source);
	}

	/**
	 * The template of a rendered text.
	 * @param text a message text
	 * @return its template, or {@code null} when this very text was not rendered from one
	 * recently
	 */
	public @Nullable RenderedTemplate find(String text) {
		// A look-up in a cache of weak keys makes a look-up key: an application that
		// renders no templates has none to make on each call.
		return (this.renders.estimatedSize() > 0) ? this.renders.getIfPresent(text) : null;
	}

	/**
	 * The version of a template, cached per template string.
	 * @param template the template text
	 * @return its version
	 */
	public String hash(String template) {
		return this.templateHashes.get(template, PromptVersions::version);
	}

}
