package io.llmobs.test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How tests check that a bean of the application replaces the one an auto-configuration
 * would make.
 */
public final class ApplicationBeans {

	private ApplicationBeans() {
	}

	/**
	 * Runs the application with a configuration that declares a bean named
	 * {@code application} of the type, and asserts that it is the only bean of that type.
	 * @param runner the application
	 * @param type the bean's type
	 * @param applicationConfiguration the configuration that declares the application's
	 * bean
	 */
	public static void assertReplaceOurs(ApplicationContextRunner runner, Class<?> type,
			Class<?> applicationConfiguration) {
		runner.withUserConfiguration(applicationConfiguration).run((context) -> {
			assertThat(context).hasSingleBean(type);
			assertThat(context.getBean(type)).isSameAs(context.getBean("application"));
		});
	}

}
