package io.llmobs.autoconfigure.core;

import java.util.Map;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttribution;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LlmObsParams;
import io.llmobs.core.TenantResolver;
import io.llmobs.test.ApplicationBeans;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kernel on its own: what every feature stands on is there without any feature, and
 * follows the base properties.
 */
class LlmObsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, LlmObsAutoConfiguration.class));

	@Test
	void createsTheKernelWithoutAnyFeature() {
		this.runner.withPropertyValues("llmobs.default-stage=answer", "llmobs.tenant.max-values=1").run((context) -> {
			assertThat(context).hasSingleBean(LlmObsProperties.class)
				.hasSingleBean(BoundedTags.class)
				.hasSingleBean(InstrumentationErrors.class)
				.hasSingleBean(CallAttributionResolver.class);
			CallAttributionResolver resolver = context.getBean(CallAttributionResolver.class);
			assertThat(resolver.resolve(Map.of(LlmObsParams.TENANT, "acme")))
				.isEqualTo(new CallAttribution("answer", "acme"));
			assertThat(resolver.resolve(Map.of(LlmObsParams.TENANT, "globex")).tenant())
				.isEqualTo(BoundedTagValues.OTHER);
		});
	}

	@Test
	void knownTenantsAndStagesAreNeverFoldedIntoOther() {
		this.runner
			.withPropertyValues("llmobs.tenant.max-values=1", "llmobs.tenant.known-values=acme,globex",
					"llmobs.stage.max-values=1", "llmobs.stage.known-values=classify")
			.run((context) -> {
				CallAttributionResolver resolver = context.getBean(CallAttributionResolver.class);
				assertThat(resolver.resolve(Map.of(LlmObsParams.TENANT, "first-come", LlmObsParams.STAGE, "answer")))
					.isEqualTo(new CallAttribution("answer", "first-come"));
				assertThat(resolver.resolve(Map.of(LlmObsParams.TENANT, "globex", LlmObsParams.STAGE, "classify")))
					.isEqualTo(new CallAttribution("classify", "globex"));
				assertThat(resolver.resolve(Map.of(LlmObsParams.TENANT, "initech")).tenant())
					.isEqualTo(BoundedTagValues.OTHER);
			});
	}

	@Test
	void theApplicationsTenantResolverAnswersCallsWithoutATenant() {
		this.runner.withBean(TenantResolver.class, () -> () -> "from-security-context")
			.run((context) -> assertThat(context.getBean(CallAttributionResolver.class).resolve(Map.of()).tenant())
				.isEqualTo("from-security-context"));
	}

	@Test
	void withoutAMeterRegistryThereIsNoFailureReportAndNoAttribution() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LlmObsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BoundedTags.class)
				.doesNotHaveBean(InstrumentationErrors.class)
				.doesNotHaveBean(CallAttributionResolver.class));
	}

	@Test
	void theApplicationsKernelBeansReplaceOurs() {
		ApplicationBeans.assertReplaceOurs(this.runner, BoundedTags.class, ApplicationTags.class);
		ApplicationBeans.assertReplaceOurs(this.runner, CallAttributionResolver.class, ApplicationResolver.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationTags {

		@Bean
		BoundedTags application() {
			return new BoundedTags(new BoundedTagValues(1), new BoundedTagValues(1), new BoundedTagValues(1),
					new BoundedTagValues(1));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationResolver {

		@Bean
		CallAttributionResolver application(InstrumentationErrors errors) {
			return new CallAttributionResolver("mine", new BoundedTagValues(1), new BoundedTagValues(1), null, errors);
		}

	}

}
