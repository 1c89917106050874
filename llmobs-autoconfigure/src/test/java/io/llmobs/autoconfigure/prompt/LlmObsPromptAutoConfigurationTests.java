package io.llmobs.autoconfigure.prompt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.llmobs.actuate.LlmObsEndpoint;
import io.llmobs.autoconfigure.actuate.LlmObsEndpointAutoConfiguration;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.autoconfigure.cost.LlmObsCostAutoConfiguration;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.prompt.PromptInstrumentation;
import io.llmobs.prompt.PromptInventory;
import io.llmobs.prompt.PromptRegistry;
import io.llmobs.test.StartupFailures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LlmObsPromptAutoConfigurationTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				EndpointAutoConfiguration.class, LlmObsAutoConfiguration.class, LlmObsCostAutoConfiguration.class,
				LlmObsChatAutoConfiguration.class, LlmObsPromptAutoConfiguration.class,
				LlmObsEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=llmobs");

	@Test
	void missingDefaultLocationIsAnEmptyRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(PromptInstrumentation.class)
				.hasBean("llmObsPromptTemplateRendererCustomizer");
			PromptInstrumentation prompts = context.getBean(PromptInstrumentation.class);
			assertThat(context.getBean(PromptRegistry.class)).isSameAs(prompts.registry());
			assertThat(context.getBean(PromptInventory.class)).isSameAs(prompts.inventory());
			assertThat(context.getBean("llmObsPromptObservationHandler")).isSameAs(prompts.observationHandler());
			assertThat(context.getBean("llmObsPromptSpanEnricher")).isSameAs(prompts.spanEnricher());
			assertThat(context.getBean(PromptRegistry.class).names()).isEmpty();
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().settings()).containsEntry("prompts.location",
					"classpath:/prompts/");
		});
	}

	@Test
	void templatesAreLoadedFromTheLocationWithTheApplicationClock() {
		this.runner.withPropertyValues("llmobs.prompts.location=classpath:/test-prompts/")
			.withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
			.run((context) -> {
				PromptRegistry registry = context.getBean(PromptRegistry.class);
				assertThat(registry.names()).containsExactly("answer", "classify");
				assertThat(registry.get("answer").firstSeen()).isEqualTo(NOW);
				assertThat(context.getBean(LlmObsEndpoint.class).llmobs().prompts().registry())
					.extracting("name", "firstSeen")
					.containsExactly(tuple("answer", NOW), tuple("classify", NOW));
			});
	}

	@Test
	void rendererCustomizerComesFirstSoThatTheApplicationsRendererWins() {
		this.runner.withBean("applicationCustomizer", ChatClientBuilderCustomizer.class, () -> (builder) -> {
		})
			.run((context) -> assertThat(context.getBeanProvider(ChatClientBuilderCustomizer.class).orderedStream())
				.first()
				.isSameAs(context.getBean("llmObsPromptTemplateRendererCustomizer")));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("llmobs.prompts.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PromptRegistry.class)
				.doesNotHaveBean(PromptInstrumentation.class)
				.doesNotHaveBean("llmObsPromptTemplateRendererCustomizer");
			assertThat(context.getBean(LlmObsEndpoint.class).llmobs().prompts()).isNull();
		});
	}

	@Test
	void backsOffFromPromptVersionsOfTheApplication() {
		this.runner
			.withBean(PromptInstrumentation.class,
					() -> new PromptInstrumentation(Map.of("mine", "Mine."), Clock.fixed(NOW, ZoneOffset.UTC), null,
							new InstrumentationErrors(new SimpleMeterRegistry())))
			.run((context) -> assertThat(context.getBean(PromptRegistry.class).names()).containsExactly("mine"));
	}

	@Test
	void withoutCaffeineThereAreNoPromptVersions() {
		this.runner.withClassLoader(new FilteredClassLoader(Caffeine.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PromptRegistry.class));
	}

	@Test
	void badLocationsFailStartUpNamingTheProperty(@TempDir Path directory) throws IOException {
		Files.writeString(directory.resolve("answer.st"), "a");
		Files.writeString(directory.resolve("answer.txt"), "b");
		this.runner.withPropertyValues("llmobs.prompts.location=" + directory.toUri()).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("llmobs.prompts.location");
		});
		this.runner.withPropertyValues("llmobs.prompts.location= ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(StartupFailures.messages(context.getStartupFailure()))
				.contains("Property: llmobs.prompts.location")
				.contains("must not be blank");
		});
	}

}
