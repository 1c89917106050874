package io.llmobs.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The llmobs sample application: a two-stage question pipeline, by default against its
 * own simulated model.
 */
@SpringBootApplication(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
@EnableScheduling
public final class LlmObsSampleApplication {

	/**
	 * Carries the current observation (and so the trace) into the application's task
	 * executor threads, where the streamed answers run.
	 * @return the decorator, applied by Spring Boot to its task executor and scheduler
	 */
	@Bean
	TaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	public static void main(String[] args) {
		SpringApplication.run(LlmObsSampleApplication.class, args);
	}

}
