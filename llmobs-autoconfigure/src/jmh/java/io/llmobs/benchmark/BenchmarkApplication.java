package io.llmobs.benchmark;

import java.util.ArrayList;
import java.util.List;

import io.llmobs.test.InMemoryChatModel;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The application every benchmark that measures a whole call runs: Spring Boot's auto-configuration of everything on
 * the benchmark classpath (Micrometer with a Prometheus registry, Spring AI's {@code ChatClient}, tool calling and
 * model observations, Micrometer Tracing over the OpenTelemetry SDK, every llmobs auto-configuration) around an
 * in-memory model. llmobs is built by its real auto-configurations with their defaults, so a benchmark measures what
 * an application with the starter pays; its baseline is the same application with {@code llmobs.enabled=false}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class BenchmarkApplication {

	/** The auto-configurations that an application without tracing lacks. */
	private static final String UNTRACED = String.join(",",
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration");

	@Bean
	InMemoryChatModel inMemoryChatModel(ObservationRegistry observationRegistry) {
		return new InMemoryChatModel(observationRegistry);
	}

	/**
	 * Starts the application.
	 * @param llmobs whether llmobs is on (its defaults) or off ({@code llmobs.enabled=false})
	 * @param traced whether every observation becomes a sampled span, or the tracing auto-configurations are
	 *     excluded, as in an application without a tracer
	 * @param properties further properties, {@code name=value}
	 * @return the running application, to close when the trial ends
	 */
	static ConfigurableApplicationContext start(boolean llmobs, boolean traced, String... properties) {
		return start(llmobs, traced, List.of(), properties);
	}

	/**
	 * Starts the application with further configuration classes.
	 * @param llmobs whether llmobs is on (its defaults) or off ({@code llmobs.enabled=false})
	 * @param traced whether every observation becomes a sampled span, or tracing is off
	 * @param configurations configuration classes that add or replace beans
	 * @param properties further properties, {@code name=value}
	 * @return the running application, to close when the trial ends
	 */
	static ConfigurableApplicationContext start(boolean llmobs, boolean traced, List<Class<?>> configurations,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("llmobs.enabled=" + llmobs,
				"management.tracing.sampling.probability=1.0", "spring.main.banner-mode=off"));
		if (!traced) {
			all.add("spring.autoconfigure.exclude=" + UNTRACED);
		}
		all.addAll(List.of(properties));
		ConfigurableApplicationContext application = new SpringApplicationBuilder(BenchmarkApplication.class)
			.sources(configurations.toArray(Class[]::new))
			.web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
		boolean tracing = application.getBeanProvider(Tracer.class).stream().anyMatch((tracer) -> tracer != Tracer.NOOP);
		if (tracing != traced) {
			application.close();
			throw new IllegalStateException("The application is " + (tracing ? "" : "not ") + "traced");
		}
		return application;
	}

	/** A client built from the application's {@code ChatClient.Builder}, so every customizer has been applied. */
	static ChatClient chatClient(ConfigurableApplicationContext application) {
		return application.getBean(ChatClient.Builder.class).build();
	}

}
