package io.llmobs.cost;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The model name inside a Vertex AI model id, so that Vertex calls find the entry of the
 * provider's own id:
 * {@code projects/p/locations/l/publishers/google/models/gemini-2.5-pro} and
 * {@code publishers/google/models/gemini-2.5-pro} are {@code gemini-2.5-pro};
 * {@code claude-sonnet-4-5@20250929} is {@code claude-sonnet-4-5-20250929}, the dated id
 * of Anthropic's API; another {@code @version} is dropped.
 */
final class VertexModelIds {

	private static final Pattern RESOURCE_NAME = Pattern
		.compile("(?:projects/[^/]+/locations/[^/]+/)?publishers/[^/]+/models/(.+)");

	private static final Pattern VERSIONED = Pattern.compile("([^@]+)@(.+)");

	private static final Pattern DATE = Pattern.compile("\\d{8}");

	private VertexModelIds() {
	}

	/**
	 * The model name of a Vertex AI model id.
	 * @param modelId a model id
	 * @return the model name, or {@code null} when the id is not a Vertex AI resource
	 * name or versioned id
	 */
	static @Nullable String modelName(String modelId) {
		Matcher resource = RESOURCE_NAME.matcher(modelId);
		String name = resource.matches() ? resource.group(1) : modelId;
		Matcher versioned = VERSIONED.matcher(name);
		if (versioned.matches()) {
			String version = versioned.group(2);
			name = DATE.matcher(version).matches() ? versioned.group(1) + "-" + version : versioned.group(1);
		}
		return name.equals(modelId) ? null : name;
	}

}
