package io.llmobs.test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A fully auto-configured application whose spans are kept in memory, and how tests read them.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TracedApplication {

	@Bean
	InMemorySpanExporter inMemorySpanExporter() {
		return InMemorySpanExporter.create();
	}

	/** The spans finished so far, after a flush. */
	public static List<SpanData> spans(AssertableApplicationContext context) {
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

}
