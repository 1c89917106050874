package io.llmobs;

import io.llmobs.chat.ChatMetricNames;
import io.llmobs.core.LlmObsParams;
import io.llmobs.test.AllocatedBytes;
import io.llmobs.test.InMemoryChatModel;
import io.llmobs.test.TracedApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards what llmobs allocates per traced {@code ChatClient} call, with every default-on
 * feature, on the calling thread: the same call over an in-memory model in the same
 * auto-configured application with llmobs off and on, counted per thread after a warm-up
 * (see docs/performance.md, where the budget and what it is made of are written down).
 * The budget has some headroom above the figure reached, so that the JIT's choices in a
 * JVM that has run other tests do not fail it; a feature that adds work per call does.
 */
class RequestPathAllocationTests {

	/** Bytes per traced call that llmobs may add on the calling thread. */
	private static final long BUDGET = 3_600;

	private static final int WARM_UP = 10_000;

	private static final int CALLS = 2_000;

	private static final int ROUNDS = 3;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(InMemoryModelApplication.class)
		.withPropertyValues(TracedApplication.PROPERTIES)
		.withPropertyValues("spring.ai.model.chat=none");

	@Test
	void aTracedCallWithEveryDefaultFeatureStaysWithinItsAllocationBudget() {
		this.runner.withPropertyValues("llmobs.enabled=false").run((off) -> this.runner.run((on) -> {
			assertThat(on).hasNotFailed();
			assertThat(off.getBean(Tracer.class)).isNotSameAs(Tracer.NOOP);
			assertThat(on.getBean(Tracer.class)).isNotSameAs(Tracer.NOOP);
			ChatClient withoutLlmObs = client(off);
			ChatClient withLlmObs = client(on);
			for (int i = 0; i < WARM_UP; i++) {
				call(withoutLlmObs);
				call(withLlmObs);
			}
			assertThat(off.getBean(MeterRegistry.class).find(ChatMetricNames.CHAT).timer()).isNull();
			assertThat(on.getBean(MeterRegistry.class).find(ChatMetricNames.COST).counter()).isNotNull();
			long added = Long.MAX_VALUE;
			for (int round = 0; round < ROUNDS; round++) {
				long baseline = AllocatedBytes.perRun(CALLS, () -> call(withoutLlmObs));
				long instrumented = AllocatedBytes.perRun(CALLS, () -> call(withLlmObs));
				added = Math.min(added, instrumented - baseline);
			}
			assertThat(added).as("bytes llmobs adds to a traced call on the calling thread").isLessThan(BUDGET);
		}));
	}

	private static ChatClient client(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	private static void call(ChatClient client) {
		client.prompt()
			.user("What does shipping to Berlin cost?")
			.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, "generate").param(LlmObsParams.TENANT, "acme"))
			.call()
			.content();
	}

	/**
	 * The traced application of the tests, without a span exporter (one that kept the
	 * spans of every call would fill the heap), around an in-memory model.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class InMemoryModelApplication {

		@Bean
		InMemoryChatModel inMemoryChatModel(ObservationRegistry observationRegistry) {
			return new InMemoryChatModel(observationRegistry);
		}

	}

}
