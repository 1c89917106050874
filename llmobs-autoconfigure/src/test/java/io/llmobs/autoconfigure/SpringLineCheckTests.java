package io.llmobs.autoconfigure;

import io.llmobs.autoconfigure.SpringLineCheck.Line;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The starter of one Spring line on an application of the other fails start-up naming the
 * starter to use. Run by the modules of both lines.
 */
class SpringLineCheckTests {

	@Test
	void theBoot4StarterOnABoot35ApplicationNamesTheBoot3Starter() {
		assertThatIllegalStateException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_4).check("3.5.7", "1.1.2"))
			.withMessage(
					"llmobs (io.llmobs:llmobs-spring-boot-starter) is built for Spring Boot 4.1 and Spring AI 2.0, "
							+ "but this application runs Spring Boot 3.5.7 and Spring AI 1.1.2: "
							+ "use io.llmobs:llmobs-spring-boot3-starter instead of io.llmobs:llmobs-spring-boot-starter.");
	}

	@Test
	void theBoot3StarterOnABoot4ApplicationNamesTheBoot4Starter() {
		assertThatIllegalStateException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_3).check("4.1.2", "2.0.1"))
			.withMessageContaining("built for Spring Boot 3.5 and Spring AI 1.1")
			.withMessageEndingWith(
					"use io.llmobs:llmobs-spring-boot-starter instead of io.llmobs:llmobs-spring-boot3-starter.");
	}

	@Test
	void theRightBootWithTheOtherSpringAiSaysWhichSpringAiTheStarterNeeds() {
		assertThatIllegalStateException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_4).check("4.1.2", "1.1.2"))
			.withMessageEndingWith("io.llmobs:llmobs-spring-boot-starter needs Spring AI 2.0.");
		assertThatIllegalStateException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_3).check("3.5.7", "2.0.1"))
			.withMessageEndingWith("io.llmobs:llmobs-spring-boot3-starter needs Spring AI 1.1.");
	}

	@Test
	void aFailedStartUpIsReportedWithTheStarterToUseAsTheAction() {
		SpringLineMismatchException mismatch = catchThrowableOfType(SpringLineMismatchException.class,
				() -> new SpringLineCheck(Line.BOOT_4).check("3.5.7", "1.1.2"));
		FailureAnalysis analysis = new SpringLineFailureAnalyzer().analyze(new IllegalStateException(mismatch));
		assertThat(analysis.getDescription())
			.isEqualTo("llmobs (io.llmobs:llmobs-spring-boot-starter) is built for Spring Boot 4.1 and Spring AI 2.0, "
					+ "but this application runs Spring Boot 3.5.7 and Spring AI 1.1.2.");
		assertThat(analysis.getAction())
			.isEqualTo("Use io.llmobs:llmobs-spring-boot3-starter instead of io.llmobs:llmobs-spring-boot-starter.");
	}

	@Test
	void matchingOrUnknownVersionsPass() {
		assertThatNoException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_4).check("4.1.2", "2.0.1"));
		assertThatNoException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_3).check("3.5.7", "1.1.2"));
		assertThatNoException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_3).check("3.5.7", null));
		assertThatNoException().isThrownBy(() -> new SpringLineCheck(Line.BOOT_4).check(null, null));
	}

	@Test
	void theCheckRunsBeforeTheContextOfASpringApplicationAndAcceptsTheLineOfThisBuild() {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThat(application.getInitializers()).hasAtLeastOneElementOfType(SpringLineCheck.class);
		try (ConfigurableApplicationContext context = application.run("--llmobs.enabled=false")) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(Line.ofBoot(SpringBootVersion.getVersion())).isEqualTo(BuiltFor.LINE);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
