package io.llmobs.autoconfigure.cost;

import java.util.List;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.LlmObsThreadPools;
import io.llmobs.autoconfigure.cost.LlmObsCostProperties.Catalog;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.cost.CatalogRefresh;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelOverride;
import io.llmobs.cost.UnpricedModelWarnings;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the model catalog and cost
 * accounting.
 */
@AutoConfiguration(after = LlmObsAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@EnableConfigurationProperties(LlmObsCostProperties.class)
public final class LlmObsCostAutoConfiguration {

	/**
	 * Part of how 'llmobs.models' is read, so no user bean replaces it; static, as
	 * binding needs it early.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ConfigurationPropertiesBindHandlerAdvisor llmObsModelKeyBindHandlerAdvisor() {
		return ModelKeyBindHandler::new;
	}

	@Bean
	@ConditionalOnMissingBean
	ModelCatalog llmObsModelCatalog(LlmObsCostProperties properties) {
		ModelCatalog bundled = properties.getCatalog().isEnabled() ? ModelCatalog.bundled()
				: new ModelCatalog(null, null, List.of());
		return bundled.withOverrides(properties.getModels()
			.entrySet()
			.stream()
			.map((entry) -> new ModelOverride(entry.getKey(), entry.getValue().getMatch(),
					entry.getValue().getInputPrice(), entry.getValue().getOutputPrice(),
					entry.getValue().getCacheReadPrice(), entry.getValue().getCacheWritePrice(),
					entry.getValue().getContextWindow(), entry.getValue().getAlsoMatch()))
			.toList());
	}

	@Bean
	CostTotals llmObsCostTotals() {
		return new CostTotals();
	}

	@Bean
	UnpricedModelWarnings llmObsUnpricedModelWarnings() {
		return new UnpricedModelWarnings();
	}

	/**
	 * The catalog loaded from 'llmobs.catalog.location' over the bundled one.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "llmobs.catalog", name = "location")
	static class CatalogRefreshConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CatalogRefresh llmObsCatalogRefresh(ModelCatalog catalog, LlmObsCostProperties properties,
				ObjectProvider<MeterRegistry> registry, Environment environment,
				ObjectProvider<TaskDecorator> taskDecorator) {
			Catalog settings = properties.getCatalog();
			CatalogRefresh refresh = new CatalogRefresh(catalog, String.valueOf(settings.getLocation()),
					settings.getTimeout(), registry.getIfAvailable());
			refresh.loadAtStartup();
			refresh.start(new LlmObsThreadPools(environment, taskDecorator).scheduler("llmobs-catalog-"),
					settings.getRefreshInterval());
			return refresh;
		}

	}

}
