package io.llmobs.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Fails start-up, before any auto-configuration, when llmobs was built for another Spring
 * Boot or Spring AI line than the application's, naming the starter to use instead: the
 * classes of one line do not load on the other, and the failure they would cause later (a
 * bean-definition clash, a missing method) would not say why.
 */
final class SpringLineCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String SPRING_AI_CLASS = "org.springframework.ai.chat.model.ChatModel";

	private final Line built;

	SpringLineCheck() {
		this(BuiltFor.LINE);
	}

	SpringLineCheck(Line built) {
		this.built = built;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		check(SpringBootVersion.getVersion(), springAiVersion(context.getClassLoader()));
	}

	/**
	 * Checks the application's versions against the line llmobs was built for.
	 * @param bootVersion Spring Boot's version, {@code null} when unknown
	 * @param springAiVersion Spring AI's version, {@code null} when unknown or absent
	 * @throws SpringLineMismatchException naming the starter to use when they do not
	 * match
	 */
	void check(@Nullable String bootVersion, @Nullable String springAiVersion) {
		Line app = Line.ofBoot(bootVersion);
		if (app != null && app != this.built) {
			throw new SpringLineMismatchException(mismatch(bootVersion, springAiVersion),
					"use " + app.starter + " instead of " + this.built.starter + ".");
		}
		if (app != null && springAiVersion != null && !springAiVersion.startsWith(this.built.springAiMajor + ".")) {
			throw new SpringLineMismatchException(mismatch(bootVersion, springAiVersion),
					this.built.starter + " needs Spring AI " + this.built.springAi + ".");
		}
	}

	private String mismatch(@Nullable String bootVersion, @Nullable String springAiVersion) {
		return "llmobs (" + this.built.starter + ") is built for " + this.built.description()
				+ ", but this application runs Spring Boot " + bootVersion
				+ ((springAiVersion != null) ? " and Spring AI " + springAiVersion : "");
	}

	private static @Nullable String springAiVersion(@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(SPRING_AI_CLASS, classLoader)) {
			return null;
		}
		Package springAi = ClassUtils.resolveClassName(SPRING_AI_CLASS, classLoader).getPackage();
		return (springAi != null) ? springAi.getImplementationVersion() : null;
	}

	/** The lines llmobs is built for, each with its starter. */
	enum Line {

		/** Spring Boot 4.1 and Spring AI 2.0. */
		BOOT_4("4", "4.1", "2", "2.0", "io.llmobs:llmobs-spring-boot-starter"),

		/** Spring Boot 3.5 and Spring AI 1.1. */
		BOOT_3("3", "3.5", "1", "1.1", "io.llmobs:llmobs-spring-boot3-starter");

		private final String bootMajor;

		private final String boot;

		private final String springAiMajor;

		private final String springAi;

		private final String starter;

		Line(String bootMajor, String boot, String springAiMajor, String springAi, String starter) {
			this.bootMajor = bootMajor;
			this.boot = boot;
			this.springAiMajor = springAiMajor;
			this.springAi = springAi;
			this.starter = starter;
		}

		String description() {
			return "Spring Boot " + this.boot + " and Spring AI " + this.springAi;
		}

		static @Nullable Line ofBoot(@Nullable String bootVersion) {
			if (bootVersion != null) {
				for (Line line : values()) {
					if (bootVersion.startsWith(line.bootMajor + ".")) {
						return line;
					}
				}
			}
			return null;
		}

	}

}
