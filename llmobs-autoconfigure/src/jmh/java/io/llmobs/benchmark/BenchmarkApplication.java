package io.llmobs.benchmark;

import java.util.ArrayList;
import java.util.List;

import io.llmobs.test.InMemoryChatModel;
import io.llmobs.test.TracingAutoConfigurations;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

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
	 * Starts the application of a variant, as the per-call tools name them: {@code off} (llmobs off), {@code on} (its
	 * defaults), {@code no-op-observers} (llmobs off, {@link NoOpObservers} on) or properties
	 * {@code name=value;name=value} with llmobs on.
	 * @param variant the variant
	 * @param traced whether every observation becomes a sampled span, or tracing is off
	 * @return the running application, to close when the trial ends
	 */
	static ConfigurableApplicationContext startVariant(String variant, boolean traced) {
		if (variant.equals(NoOpObservers.VARIANT)) {
			return start(false, traced, List.of(NoOpObservers.class));
		}
		return start(!variant.equals("off"), traced,
				(variant.equals("off") || variant.equals("on")) ? new String[0] : variant.split(";"));
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
			all.add("spring.autoconfigure.exclude=" + String.join(",", TracingAutoConfigurations.NAMES));
		}
		all.addAll(List.of(properties));
		ConfigurableApplicationContext application = new SpringApplicationBuilder(BenchmarkApplication.class)
			.sources(configurations.toArray(Class[]::new))
			.web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
		try {
			verify(application, traced);
		}
		catch (IllegalStateException ex) {
			application.close();
			throw ex;
		}
		return application;
	}

	/**
	 * Fails fast if the application lacks what one with the starter has on this Spring line: a Prometheus registry,
	 * and when traced a tracer whose spans go through Boot's batch span processor.
	 */
	private static void verify(ConfigurableApplicationContext application, boolean traced) {
		if (application.getBeanProvider(PrometheusMeterRegistry.class).getIfAvailable() == null) {
			throw new IllegalStateException("The application has no Prometheus registry");
		}
		boolean tracing = application.getBeanProvider(Tracer.class).stream().anyMatch((tracer) -> tracer != Tracer.NOOP);
		boolean batching = application.getBeanProvider(BatchSpanProcessor.class).stream().findAny().isPresent();
		if (tracing != traced || batching != traced) {
			throw new IllegalStateException("The application is " + (tracing ? "" : "not ") + "traced, "
					+ (batching ? "with" : "without") + " Boot's batch span processor");
		}
	}

	/** A client built from the application's {@code ChatClient.Builder}, so every customizer has been applied. */
	static ChatClient chatClient(ConfigurableApplicationContext application) {
		return application.getBean(ChatClient.Builder.class).build();
	}

}
