package io.llmobs.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.bind.BindException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** An unknown {@code sample.provider} fails start-up with the property's name. */
class ChatProviderCheckTests {

	@Test
	void unknownProviderFailsBeforeSpringAiLooksForAChatModel() {
		SpringApplication application = new SpringApplication(LlmObsSampleApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> application.run("--sample.provider=mistral", "--spring.main.banner-mode=off"))
			.withMessageContaining("sample.provider");
	}

}
