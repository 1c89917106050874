package io.llmobs.autoconfigure.core;

import java.util.List;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.TenantResolver;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the llmobs kernel: the
 * {@code llmobs.*} properties, the bounded values of the tags filled from application
 * data, the report of llmobs's own failures and the stage and tenant a call is accounted
 * to. Every feature's auto-configuration runs after it and uses these beans; none of them
 * depends on another feature being on. The {@code llmobs.*} properties are validated with
 * Bean Validation, which Boot skips silently without its API on the class path: start-up
 * fails instead.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnLlmObsEnabled
@EnableConfigurationProperties(LlmObsProperties.class)
public final class LlmObsAutoConfiguration {

	/**
	 * What Boot needs on the class path to apply the constraints of {@code @Validated}
	 * configuration properties.
	 */
	private static final String[] BEAN_VALIDATION_API = { "jakarta.validation.Validator",
			"jakarta.validation.ValidatorFactory", "jakarta.validation.bootstrap.GenericBootstrap" };

	LlmObsAutoConfiguration(ResourceLoader resourceLoader) {
		for (String type : BEAN_VALIDATION_API) {
			if (!ClassUtils.isPresent(type, resourceLoader.getClassLoader())) {
				throw new IllegalStateException("llmobs validates its llmobs.* properties with Bean Validation, and "
						+ type
						+ " is not on the class path: add org.springframework.boot:spring-boot-starter-validation "
						+ "(io.llmobs:llmobs-spring-boot-starter brings it), or set llmobs.enabled=false");
			}
		}
	}

	/**
	 * Part of how every 'llmobs.*' property is read, so no user bean replaces it; static,
	 * as binding needs it early.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConfigurationPropertiesBindHandlerAdvisor llmObsUnknownKeysBindHandlerAdvisor(Environment environment) {
		return new UnknownKeysBindHandlerAdvisor(environment);
	}

	@Bean
	@ConditionalOnMissingBean
	BoundedTags llmObsBoundedTags(LlmObsProperties properties) {
		BoundedTagValues stages = attributionTagValues(properties.getStage());
		// The stage of every call that names none: itself on every replica from the
		// first call, whichever store admits the others.
		stages.know(List.of(properties.getDefaultStage()));
		return new BoundedTags(stages, attributionTagValues(properties.getTenant()),
				new BoundedTagValues(properties.getModel().getMaxValues()),
				new BoundedTagValues(properties.getTask().getMaxValues()));
	}

	private static BoundedTagValues attributionTagValues(LlmObsProperties.AttributionTagLimit limit) {
		BoundedTagValues values = new BoundedTagValues(limit.getMaxValues());
		values.know(limit.getKnownValues());
		return values;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MeterRegistry.class)
	InstrumentationErrors llmObsInstrumentationErrors(MeterRegistry meterRegistry) {
		return new InstrumentationErrors(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(InstrumentationErrors.class)
	CallAttributionResolver llmObsCallAttributionResolver(LlmObsProperties properties, BoundedTags tags,
			ObjectProvider<TenantResolver> tenantResolver, InstrumentationErrors errors) {
		return new CallAttributionResolver(properties.getDefaultStage(), tags.stages(), tags.tenants(),
				tenantResolver.getIfUnique(), errors);
	}

}
