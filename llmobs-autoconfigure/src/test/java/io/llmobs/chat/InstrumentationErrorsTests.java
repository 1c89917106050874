package io.llmobs.chat;

import java.util.ArrayList;
import java.util.List;

import io.llmobs.chat.InstrumentationErrors.Component;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InstrumentationErrorsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InstrumentationErrors errors = new InstrumentationErrors(this.registry);

	@Test
	void runSwallowsAFailureAndCountsItUnderItsComponent() {
		this.errors.run(Component.TOOLS, () -> {
			throw new IllegalStateException("broken");
		});
		assertThat(count(Component.TOOLS)).isEqualTo(1);
		assertThat(count(Component.SPANS)).isZero();
	}

	@Test
	void runWithASubjectAndAnArgumentPassesThemAndSwallowsAFailure() {
		List<String> seen = new ArrayList<>();
		this.errors.run(Component.CONTEXT, seen, "first", List::add);
		this.errors.run(Component.CONTEXT, seen, "second", (list, value) -> {
			throw new IllegalArgumentException(value);
		});
		assertThat(seen).containsExactly("first");
		assertThat(count(Component.CONTEXT)).isEqualTo(1);
	}

	@Test
	void runWithAnArgumentPassesItAndSwallowsAFailure() {
		List<String> seen = new ArrayList<>();
		this.errors.run(Component.FEEDBACK, seen, (list) -> list.add("first"));
		this.errors.run(Component.FEEDBACK, seen, (list) -> {
			throw new IllegalStateException("broken");
		});
		assertThat(seen).containsExactly("first");
		assertThat(count(Component.FEEDBACK)).isEqualTo(1);
	}

	@Test
	void callReturnsTheValueWhenTheActionSucceeds() {
		assertThat(this.errors.call(Component.MCP, () -> "value", "fallback")).isEqualTo("value");
		assertThat(this.errors.call(Component.MCP, "value", String::toUpperCase, "fallback")).isEqualTo("VALUE");
		assertThat(this.errors.call(Component.MCP, "value", 2, String::substring, "fallback")).isEqualTo("lue");
		assertThat(count(Component.MCP)).isZero();
	}

	@Test
	void callReturnsTheFallbackAndCountsTheFailureWhenTheActionFails() {
		assertThat(this.errors.call(Component.TENANT_RESOLVER, () -> {
			throw new IllegalStateException("broken");
		}, "fallback")).isEqualTo("fallback");
		assertThat(this.errors.call(Component.TENANT_RESOLVER, "value", (value) -> value.substring(9), "fallback"))
			.isEqualTo("fallback");
		assertThat(this.errors.call(Component.TENANT_RESOLVER, "value", 9, String::substring, "fallback"))
			.isEqualTo("fallback");
		assertThat(count(Component.TENANT_RESOLVER)).isEqualTo(3);
	}

	@Test
	void callMayFallBackToNull() {
		String value = this.errors.call(Component.PROMPTS, () -> {
			throw new IllegalStateException("broken");
		}, null);
		assertThat(value).isNull();
		assertThat(count(Component.PROMPTS)).isEqualTo(1);
	}

	@Test
	void errorsAreNeitherSwallowedNorCounted() {
		assertThatExceptionOfType(StackOverflowError.class).isThrownBy(() -> this.errors.run(Component.JUDGE, () -> {
			throw new StackOverflowError();
		}));
		assertThatExceptionOfType(OutOfMemoryError.class).isThrownBy(() -> this.errors.call(Component.JUDGE, () -> {
			throw new OutOfMemoryError();
		}, "fallback"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.errors.call(Component.JUDGE, "subject", "argument", (subject, argument) -> {
				throw new AssertionError(argument);
			}, "fallback"));
		assertThat(count(Component.JUDGE)).isZero();
	}

	@Test
	void everyComponentHasItsCounterBeforeItsFirstFailure() {
		for (Component component : Component.values()) {
			assertThat(count(component)).isZero();
		}
	}

	private double count(Component component) {
		return this.registry.get(InstrumentationErrors.METER_NAME)
			.tag("component", component.tagValue())
			.counter()
			.count();
	}

}
