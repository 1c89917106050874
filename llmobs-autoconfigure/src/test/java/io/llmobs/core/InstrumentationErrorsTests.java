package io.llmobs.core;

import java.util.ArrayList;
import java.util.List;

import io.llmobs.core.InstrumentationErrors.Component;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InstrumentationErrorsTests {

	private static final Component CONTEXT = new Component("context");

	private static final Component FEEDBACK = new Component("feedback");

	private static final Component JUDGE = new Component("judge");

	private static final Component MCP = new Component("mcp");

	private static final Component PROMPTS = new Component("prompts");

	private static final Component SPANS = new Component("spans");

	private static final Component TENANT_RESOLVER = new Component("tenant_resolver");

	private static final Component TOOLS = new Component("tools");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final InstrumentationErrors errors = new InstrumentationErrors(this.registry).register(TOOLS)
		.register(SPANS)
		.register(CONTEXT)
		.register(FEEDBACK)
		.register(MCP)
		.register(TENANT_RESOLVER)
		.register(PROMPTS)
		.register(JUDGE);

	@Test
	void runSwallowsAFailureAndCountsItUnderItsComponent() {
		this.errors.run(TOOLS, () -> {
			throw new IllegalStateException("broken");
		});
		assertThat(count(TOOLS)).isEqualTo(1);
		assertThat(count(SPANS)).isZero();
	}

	@Test
	void runWithASubjectAndAnArgumentPassesThemAndSwallowsAFailure() {
		List<String> seen = new ArrayList<>();
		this.errors.run(CONTEXT, seen, "first", List::add);
		this.errors.run(CONTEXT, seen, "second", (list, value) -> {
			throw new IllegalArgumentException(value);
		});
		assertThat(seen).containsExactly("first");
		assertThat(count(CONTEXT)).isEqualTo(1);
	}

	@Test
	void runWithAnArgumentPassesItAndSwallowsAFailure() {
		List<String> seen = new ArrayList<>();
		this.errors.run(FEEDBACK, seen, (list) -> list.add("first"));
		this.errors.run(FEEDBACK, seen, (list) -> {
			throw new IllegalStateException("broken");
		});
		assertThat(seen).containsExactly("first");
		assertThat(count(FEEDBACK)).isEqualTo(1);
	}

	@Test
	void callReturnsTheValueWhenTheActionSucceeds() {
		assertThat(this.errors.call(MCP, () -> "value", "fallback")).isEqualTo("value");
		assertThat(this.errors.call(MCP, "value", String::toUpperCase, "fallback")).isEqualTo("VALUE");
		assertThat(this.errors.call(MCP, "value", 2, String::substring, "fallback")).isEqualTo("lue");
		assertThat(count(MCP)).isZero();
	}

	@Test
	void callReturnsTheFallbackAndCountsTheFailureWhenTheActionFails() {
		assertThat(this.errors.call(TENANT_RESOLVER, () -> {
			throw new IllegalStateException("broken");
		}, "fallback")).isEqualTo("fallback");
		assertThat(this.errors.call(TENANT_RESOLVER, "value", (value) -> value.substring(9), "fallback"))
			.isEqualTo("fallback");
		assertThat(this.errors.call(TENANT_RESOLVER, "value", 9, String::substring, "fallback")).isEqualTo("fallback");
		assertThat(count(TENANT_RESOLVER)).isEqualTo(3);
	}

	@Test
	void callMayFallBackToNull() {
		String value = this.errors.call(PROMPTS, () -> {
			throw new IllegalStateException("broken");
		}, null);
		assertThat(value).isNull();
		assertThat(count(PROMPTS)).isEqualTo(1);
	}

	@Test
	void errorsAreNeitherSwallowedNorCounted() {
		assertThatExceptionOfType(StackOverflowError.class).isThrownBy(() -> this.errors.run(JUDGE, () -> {
			throw new StackOverflowError();
		}));
		assertThatExceptionOfType(OutOfMemoryError.class).isThrownBy(() -> this.errors.call(JUDGE, () -> {
			throw new OutOfMemoryError();
		}, "fallback"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.errors.call(JUDGE, "subject", "argument", (subject, argument) -> {
				throw new AssertionError(argument);
			}, "fallback"));
		assertThat(count(JUDGE)).isZero();
	}

	@Test
	void aRegisteredComponentHasItsCounterBeforeItsFirstFailureAndRegisteringAgainChangesNothing() {
		this.errors.register(TOOLS);
		assertThat(this.registry.find(InstrumentationErrors.METER_NAME).counters()).hasSize(8)
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void aComponentThatFailsBeforeItIsRegisteredIsCountedAllTheSame() {
		Component late = new Component("late");
		this.errors.run(late, () -> {
			throw new IllegalStateException("boom");
		});
		assertThat(count(late)).isEqualTo(1);
	}

	@Test
	void aComponentTagValueIsLowerCaseLettersAndUnderscores() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> new Component("Chat Client"))
			.withMessageContaining("'Chat Client'");
	}

	private double count(Component component) {
		return this.registry.get(InstrumentationErrors.METER_NAME)
			.tag("component", component.tagValue())
			.counter()
			.count();
	}

}
