package io.llmobs.autoconfigure.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.LlmObsThreadPools;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.chat.ChatCallListener;
import io.llmobs.core.BoundedTags;
import io.llmobs.core.DailySpend;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.LocalDailySpend;
import io.llmobs.core.RateWindow;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.judge.FailureRecorder;
import io.llmobs.judge.Judge;
import io.llmobs.judge.JudgeBaseline;
import io.llmobs.judge.JudgeInstrumentation;
import io.llmobs.judge.JudgeRubric;
import io.llmobs.judge.OpenTelemetryJudgeTracing;
import io.llmobs.judge.SampledJudge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.task.TaskDecorator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the failure taxonomy
 * ({@code llmobs.failures}, always) and of the sampled LLM-as-judge (when
 * {@code llmobs.judge.enabled}).
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class,
		afterName = { "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
				"org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration" })
@ConditionalOnLlmObsEnabled
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBean({ InstrumentationErrors.class, BoundedTags.class })
@EnableConfigurationProperties(LlmObsJudgeProperties.class)
@Import(OpenAiJudgeCallConfiguration.class)
public final class LlmObsJudgeAutoConfiguration {

	@Bean
	FailureRecorder llmObsFailureRecorder(MeterRegistry meterRegistry, BoundedTags tags) {
		return JudgeInstrumentation.failureRecorder(meterRegistry, tags.stages());
	}

	@Bean
	ChatCallListener llmObsKnownFailures(FailureRecorder failures) {
		return JudgeInstrumentation.knownFailures(failures);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "llmobs.judge.enabled")
	@ConditionalOnBean(ModelCallAccounting.class)
	static class SampledJudgeConfiguration {

		@Bean
		JudgeInstrumentation llmObsJudgeInstrumentation(LlmObsJudgeProperties properties,
				ObjectProvider<DailySpend> dailySpend, MeterRegistry meterRegistry) {
			Resource baseline = properties.getBaseline();
			JudgeBaseline means = JudgeBaseline.EMPTY;
			if (baseline != null) {
				try (InputStream in = baseline.getInputStream()) {
					means = JudgeBaseline.read(in);
				}
				catch (IOException | IllegalArgumentException ex) {
					throw new IllegalStateException("llmobs.judge.baseline cannot be read from " + baseline, ex);
				}
			}
			return new JudgeInstrumentation(properties.getDailyBudgetUsd(),
					dailySpend.getIfAvailable(() -> new LocalDailySpend(meterRegistry.config().clock())), means,
					properties.getDriftWindow(), meterRegistry);
		}

		@Bean
		JudgeRubric llmObsJudgeRubric(LlmObsJudgeProperties properties) {
			Resource rubric = properties.getRubric();
			List<String> criteria = properties.getCriteria();
			return (rubric != null) ? new JudgeRubric(criteria, read(rubric)) : JudgeRubric.bundled(criteria);
		}

		@Bean
		@ConditionalOnMissingBean
		Judge llmObsChatClientJudge(LlmObsJudgeProperties properties, ConfigurableListableBeanFactory beanFactory,
				ObservationRegistry observationRegistry, JudgeRubric rubric, JudgeInstrumentation instrumentation,
				ModelCallAccounting accounting, ModelCatalog catalog) {
			JudgeModels.JudgeModel model = JudgeModels.find(properties.getModel(), beanFactory, observationRegistry);
			return instrumentation.modelJudge(model.client(), rubric, model.requested(), model.id(), accounting,
					catalog);
		}

		@Bean(destroyMethod = "close")
		SampledJudge llmObsSampledJudge(LlmObsJudgeProperties properties, Judge judge,
				JudgeInstrumentation instrumentation, FailureRecorder failures,
				ObjectProvider<OpenTelemetryJudgeTracing> tracing, InstrumentationErrors errors,
				Environment environment, ObjectProvider<TaskDecorator> taskDecorator,
				ObjectProvider<RateWindow> fleetRate) {
			LlmObsJudgeProperties settings = properties;
			LlmObsThreadPools pools = new LlmObsThreadPools(environment, taskDecorator);
			int concurrency = settings.getConcurrency();
			return instrumentation.sampledJudge(settings.getSampleRate(), settings.getAlwaysOn(),
					settings.getMaxPerMinute(), settings.getQueueCapacity(), concurrency, settings.getTimeout(), judge,
					failures, tracing.getIfAvailable(), errors,
					pools.contextExecutor("llmobs-judge-",
							(pool) -> pool.corePoolSize(concurrency)
								.maxPoolSize(concurrency)
								.queueCapacity(settings.getQueueCapacity())),
					pools.scheduler("llmobs-judge-timer-"), fleetRate.getIfAvailable());
		}

		private static String read(Resource resource) {
			try (InputStream in = resource.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("llmobs.judge.rubric cannot be read from " + resource, ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "llmobs.judge.enabled")
	@ConditionalOnClass(
			name = { "io.opentelemetry.api.OpenTelemetry", "io.micrometer.tracing.handler.TracingObservationHandler" })
	@ConditionalOnBean(OpenTelemetry.class)
	static class JudgeTracingConfiguration {

		@Bean
		OpenTelemetryJudgeTracing llmObsJudgeTracing(OpenTelemetry openTelemetry) {
			return new OpenTelemetryJudgeTracing(openTelemetry.getTracer("io.llmobs.judge"));
		}

	}

}
