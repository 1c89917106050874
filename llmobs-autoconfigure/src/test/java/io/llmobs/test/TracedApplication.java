package io.llmobs.test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A fully auto-configured application whose spans are kept in memory, and how tests read
 * them.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TracedApplication {

	@Bean
	InMemorySpanExporter inMemorySpanExporter() {
		return InMemorySpanExporter.create();
	}

	/**
	 * The runner's properties. Spring AI's MCP client and server are off: without a web
	 * server, its MCP server would talk over the test JVM's standard input and output.
	 */
	public static final String[] PROPERTIES = { "spring.ai.openai.api-key=test-key", "spring.ai.openai.max-retries=0",
			"spring.ai.openai.chat.model=gpt-4o-mini", "management.tracing.sampling.probability=1.0",
			"management.otlp.metrics.export.enabled=false", "management.tracing.export.otlp.enabled=false",
			"management.logging.export.otlp.enabled=false", "spring.ai.mcp.server.enabled=false",
			"spring.ai.mcp.client.enabled=false" };

	/**
	 * A runner of this application with Spring AI's OpenAI client (model
	 * {@code gpt-4o-mini}, no retries), every span sampled and nothing exported; point it
	 * at a server with {@code spring.ai.openai.base-url}.
	 */
	public static ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(TracedApplication.class)
			.withPropertyValues(PROPERTIES);
	}

	/** The spans finished so far, after a flush. */
	public static List<SpanData> spans(ApplicationContext context) {
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		return context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
	}

	/** The first span of the given name; fails listing the names when there is none. */
	public static SpanData span(List<SpanData> spans, String name) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no span '" + name + "' in " + spans.stream().map(SpanData::getName).toList()));
	}

	/** A string attribute of a span, or {@code null}. */
	public static String attribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.stringKey(key));
	}

	/**
	 * An integer attribute of a span, or {@code null} (also when it is not typed as one).
	 */
	public static Long longAttribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.longKey(key));
	}

	/**
	 * A count of a span: an integer attribute, or the decimal string that Spring AI's
	 * conventions write; {@code null} when there is neither.
	 */
	public static Long count(SpanData span, String key) {
		Long typed = longAttribute(span, key);
		String text = attribute(span, key);
		return (typed != null) ? typed : (text != null) ? Long.valueOf(text) : null;
	}

	/**
	 * A floating-point attribute of a span, or {@code null} (also when it is not typed as
	 * one).
	 */
	public static Double doubleAttribute(SpanData span, String key) {
		return span.getAttributes().get(AttributeKey.doubleKey(key));
	}

}
