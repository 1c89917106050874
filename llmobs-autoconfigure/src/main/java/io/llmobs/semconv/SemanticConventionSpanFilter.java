package io.llmobs.semconv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites finished spans on the exporting thread, so the request path pays nothing.
 * Spring AI's observation key values are strings, so its numbers and lists reach the span
 * as strings ({@code gen_ai.usage.input_tokens} "25",
 * {@code gen_ai.response.finish_reasons} '["stop"]'); this filter types them as the
 * registry does. Unless legacy names are kept, it also drops {@code gen_ai.system}
 * (deprecated for {@code gen_ai.provider.name}) and {@code gen_ai.usage.total_tokens}
 * (not in the registry), and replaces the operation names that are not registry values:
 * Spring AI's {@code framework} ({@code invoke_agent} on the {@code ChatClient} span,
 * none on advisor spans), Spring AI's {@code embedding} ({@code embeddings}, in the span
 * name too) and the judge's {@code evaluate} ({@code invoke_agent} of the agent
 * {@code llmobs.judge}). Spring AI's observations and meters are left as they are: their
 * low-cardinality key values are the tags of its meters.
 */
public final class SemanticConventionSpanFilter implements SpanFilter {

	static final String OPERATION_NAME = "gen_ai.operation.name";

	static final String AGENT_NAME = "gen_ai.agent.name";

	static final String INVOKE_AGENT = "invoke_agent";

	static final String JUDGE_AGENT = "llmobs.judge";

	private static final String SPRING_AI_KIND = "spring.ai.kind";

	private static final String EMBEDDING = "embedding";

	private static final String EMBEDDINGS = "embeddings";

	private static final Map<String, Type> TYPES = Map.ofEntries(Map.entry("gen_ai.usage.input_tokens", Type.INT),
			Map.entry("gen_ai.usage.output_tokens", Type.INT),
			Map.entry("gen_ai.usage.cache_read.input_tokens", Type.INT),
			Map.entry("gen_ai.usage.cache_creation.input_tokens", Type.INT),
			Map.entry("gen_ai.usage.reasoning.output_tokens", Type.INT),
			Map.entry("gen_ai.request.max_tokens", Type.INT), Map.entry("gen_ai.request.top_k", Type.INT),
			Map.entry("gen_ai.request.choice.count", Type.INT), Map.entry("gen_ai.request.seed", Type.INT),
			Map.entry("gen_ai.request.temperature", Type.DOUBLE), Map.entry("gen_ai.request.top_p", Type.DOUBLE),
			Map.entry("gen_ai.request.frequency_penalty", Type.DOUBLE),
			Map.entry("gen_ai.request.presence_penalty", Type.DOUBLE),
			Map.entry("gen_ai.response.time_to_first_chunk", Type.DOUBLE),
			Map.entry("gen_ai.request.stream", Type.BOOLEAN),
			Map.entry("gen_ai.response.finish_reasons", Type.STRING_ARRAY),
			Map.entry("gen_ai.request.stop_sequences", Type.STRING_ARRAY));

	private static final List<String> LEGACY = List.of("gen_ai.system", "gen_ai.usage.total_tokens");

	private final boolean legacyNames;

	/**
	 * Creates the filter.
	 * @param legacyNames whether to keep the names and values that are not the registry's
	 * (types are set either way)
	 */
	public SemanticConventionSpanFilter(boolean legacyNames) {
		this.legacyNames = legacyNames;
	}

	@Override
	public FinishedSpan map(FinishedSpan span) {
		Map<String, Object> tags = span.getTypedTags();
		if (!isGenAi(tags)) {
			return span;
		}
		Map<String, Object> rewritten = new LinkedHashMap<>(tags);
		boolean changed = typed(rewritten);
		if (!this.legacyNames) {
			changed |= registryNames(rewritten);
			if (EMBEDDING.equals(tags.get(OPERATION_NAME))) {
				// Spring AI names the span "{operation} {model}", as the registry does.
				span.setName(EMBEDDINGS + span.getName().substring(EMBEDDING.length()));
			}
		}
		return changed ? span.setTypedTags(rewritten) : span;
	}

	private static boolean isGenAi(Map<String, Object> tags) {
		return tags.containsKey(OPERATION_NAME);
	}

	private static boolean typed(Map<String, Object> tags) {
		boolean changed = false;
		for (Map.Entry<String, Object> tag : tags.entrySet()) {
			Type type = TYPES.get(tag.getKey());
			if (type != null && tag.getValue() instanceof String text) {
				Object value = type.parse(text);
				if (value != null) {
					tag.setValue(value);
					changed = true;
				}
			}
		}
		return changed;
	}

	private static boolean registryNames(Map<String, Object> tags) {
		boolean changed = tags.keySet().removeAll(LEGACY);
		Object operation = tags.get(OPERATION_NAME);
		if ("framework".equals(operation)) {
			if ("chat_client".equals(tags.get(SPRING_AI_KIND))) {
				tags.put(OPERATION_NAME, INVOKE_AGENT);
			}
			else {
				tags.remove(OPERATION_NAME);
			}
			return true;
		}
		if (EMBEDDING.equals(operation)) {
			tags.put(OPERATION_NAME, EMBEDDINGS);
			return true;
		}
		if ("evaluate".equals(operation)) {
			tags.put(OPERATION_NAME, INVOKE_AGENT);
			tags.put(AGENT_NAME, JUDGE_AGENT);
			return true;
		}
		return changed;
	}

	/** The registry's types of the attributes that Spring AI writes as strings. */
	private enum Type {

		INT {
			@Override
			@Nullable Object parse(String text) {
				try {
					return Long.parseLong(text);
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		},

		DOUBLE {
			@Override
			@Nullable Object parse(String text) {
				try {
					return Double.parseDouble(text);
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
		},

		BOOLEAN {
			@Override
			@Nullable Object parse(String text) {
				return switch (text) {
					case "true" -> Boolean.TRUE;
					case "false" -> Boolean.FALSE;
					default -> null;
				};
			}
		},

		/** Spring AI's {@code ["a", "b"]}; anything else is left a string. */
		STRING_ARRAY {
			@Override
			@Nullable Object parse(String text) {
				if (!text.startsWith("[\"") || !text.endsWith("\"]")) {
					return null;
				}
				List<String> values = new ArrayList<>();
				for (String value : text.substring(2, text.length() - 2).split("\", \"", -1)) {
					values.add(value);
				}
				return values;
			}
		};

		abstract @Nullable Object parse(String text);

	}

}
