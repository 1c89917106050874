package io.llmobs.semconv;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the spans an exporter is given, on the exporting thread, so the request path
 * pays nothing. Spring AI's observation key values are strings, so its numbers and lists
 * reach the span as strings ({@code gen_ai.usage.input_tokens} "25",
 * {@code gen_ai.response.finish_reasons} '["stop"]'); this exporter types them as the
 * registry does. Unless legacy names are kept, it also drops {@code gen_ai.system}
 * (deprecated for {@code gen_ai.provider.name}) and {@code gen_ai.usage.total_tokens}
 * (not in the registry), and replaces the operation names that are not registry values:
 * Spring AI's {@code framework} ({@code invoke_agent} on the {@code ChatClient} span,
 * none on advisor spans), Spring AI's {@code embedding} ({@code embeddings}, in the span
 * name too) and the judge's {@code evaluate} ({@code invoke_agent} of the agent
 * {@code llmobs.judge}). Spring AI's observations and meters are left as they are: their
 * low-cardinality key values are the tags of its meters. A span without
 * {@code gen_ai.operation.name} is passed on as it is; a rewritten one shares everything
 * but its attributes (and name) with the original, and its attributes are built once,
 * with keys made once.
 */
public final class SemanticConventionSpanExporter implements SpanExporter {

	static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");

	static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");

	static final String INVOKE_AGENT = "invoke_agent";

	static final String JUDGE_AGENT = "llmobs.judge";

	private static final AttributeKey<String> SPRING_AI_KIND = AttributeKey.stringKey("spring.ai.kind");

	private static final String EMBEDDING = "embedding";

	private static final String EMBEDDINGS = "embeddings";

	private static final List<Typed> TYPED = List.of(Typed.integer("gen_ai.usage.input_tokens"),
			Typed.integer("gen_ai.usage.output_tokens"), Typed.integer("gen_ai.usage.cache_read.input_tokens"),
			Typed.integer("gen_ai.usage.cache_creation.input_tokens"),
			Typed.integer("gen_ai.usage.reasoning.output_tokens"), Typed.integer("gen_ai.request.max_tokens"),
			Typed.integer("gen_ai.request.top_k"), Typed.integer("gen_ai.request.choice.count"),
			Typed.integer("gen_ai.request.seed"), Typed.decimal("gen_ai.request.temperature"),
			Typed.decimal("gen_ai.request.top_p"), Typed.decimal("gen_ai.request.frequency_penalty"),
			Typed.decimal("gen_ai.request.presence_penalty"), Typed.decimal("gen_ai.response.time_to_first_chunk"),
			Typed.bool("gen_ai.request.stream"), Typed.strings("gen_ai.response.finish_reasons"),
			Typed.strings("gen_ai.request.stop_sequences"));

	private static final List<AttributeKey<?>> LEGACY = List.of(AttributeKey.stringKey("gen_ai.system"),
			AttributeKey.stringKey("gen_ai.usage.total_tokens"), AttributeKey.longKey("gen_ai.usage.total_tokens"));

	private final SpanExporter delegate;

	private final boolean legacyNames;

	/**
	 * Creates the exporter.
	 * @param delegate the exporter that gets the rewritten spans
	 * @param legacyNames whether to keep the names and values that are not the registry's
	 * (types are set either way)
	 */
	public SemanticConventionSpanExporter(SpanExporter delegate, boolean legacyNames) {
		this.delegate = delegate;
		this.legacyNames = legacyNames;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		List<SpanData> rewritten = new ArrayList<>(spans.size());
		for (SpanData span : spans) {
			rewritten.add(rewrite(span));
		}
		return this.delegate.export(rewritten);
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return "SemanticConventionSpanExporter{" + this.delegate + "}";
	}

	SpanData rewrite(SpanData span) {
		Attributes attributes = span.getAttributes();
		String operation = attributes.get(OPERATION_NAME);
		if (operation == null) {
			return span;
		}
		AttributesBuilder builder = null;
		for (Typed typed : TYPED) {
			String text = attributes.get(typed.text());
			Object value = (text != null) ? typed.parse(text) : null;
			if (value != null) {
				builder = (builder != null) ? builder : attributes.toBuilder();
				typed.replace(builder, value);
			}
		}
		String name = span.getName();
		if (!this.legacyNames) {
			for (AttributeKey<?> legacy : LEGACY) {
				if (attributes.get(legacy) != null) {
					builder = (builder != null) ? builder : attributes.toBuilder();
					builder.remove(legacy);
				}
			}
			String registryOperation = registryOperation(operation, attributes);
			if (!operation.equals(registryOperation)) {
				builder = (builder != null) ? builder : attributes.toBuilder();
				rename(builder, operation, registryOperation);
				if (EMBEDDING.equals(operation) && name.startsWith(EMBEDDING)) {
					// Spring AI names the span "{operation} {model}", as the registry
					// does.
					name = EMBEDDINGS + name.substring(EMBEDDING.length());
				}
			}
		}
		return (builder != null) ? new RewrittenSpan(span, builder.build(), name) : span;
	}

	/** The registry's operation for the span, or {@code null} for none. */
	private static @Nullable String registryOperation(String operation, Attributes attributes) {
		return switch (operation) {
			case "framework" -> "chat_client".equals(attributes.get(SPRING_AI_KIND)) ? INVOKE_AGENT : null;
			case EMBEDDING -> EMBEDDINGS;
			case "evaluate" -> INVOKE_AGENT;
			default -> operation;
		};
	}

	private static void rename(AttributesBuilder builder, String operation, @Nullable String registryOperation) {
		if (registryOperation == null) {
			builder.remove(OPERATION_NAME);
			return;
		}
		builder.put(OPERATION_NAME, registryOperation);
		if ("evaluate".equals(operation)) {
			builder.put(AGENT_NAME, JUDGE_AGENT);
		}
	}

	/** A span with other attributes, and maybe another name, than the one it wraps. */
	private static final class RewrittenSpan extends DelegatingSpanData {

		private final Attributes attributes;

		private final String name;

		private final int totalAttributeCount;

		RewrittenSpan(SpanData span, Attributes attributes, String name) {
			super(span);
			this.attributes = attributes;
			this.name = name;
			// Dropped is total minus kept: what was removed here was not dropped.
			this.totalAttributeCount = span.getTotalAttributeCount() - span.getAttributes().size() + attributes.size();
		}

		@Override
		public Attributes getAttributes() {
			return this.attributes;
		}

		@Override
		public String getName() {
			return this.name;
		}

		@Override
		public int getTotalAttributeCount() {
			return this.totalAttributeCount;
		}

	}

	/**
	 * An attribute Spring AI writes as a string that the registry types, with its keys
	 * made once.
	 */
	private record Typed(AttributeKey<String> text, AttributeKey<?> typed, Kind kind) {

		static Typed integer(String name) {
			return new Typed(AttributeKey.stringKey(name), AttributeKey.longKey(name), Kind.INT);
		}

		static Typed decimal(String name) {
			return new Typed(AttributeKey.stringKey(name), AttributeKey.doubleKey(name), Kind.DOUBLE);
		}

		static Typed bool(String name) {
			return new Typed(AttributeKey.stringKey(name), AttributeKey.booleanKey(name), Kind.BOOLEAN);
		}

		static Typed strings(String name) {
			return new Typed(AttributeKey.stringKey(name), AttributeKey.stringArrayKey(name), Kind.STRING_ARRAY);
		}

		@Nullable Object parse(String text) {
			return this.kind.parse(text);
		}

		@SuppressWarnings("unchecked")
		void replace(AttributesBuilder builder, Object value) {
			builder.remove(this.text);
			builder.put((AttributeKey<Object>) this.typed, value);
		}

	}

	/** The registry's types of the attributes that Spring AI writes as strings. */
	private enum Kind {

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
				return List.of(text.substring(2, text.length() - 2).split("\", \"", -1));
			}
		};

		abstract @Nullable Object parse(String text);

	}

}
