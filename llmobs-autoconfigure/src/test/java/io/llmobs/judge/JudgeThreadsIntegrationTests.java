package io.llmobs.judge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.llmobs.test.OpenAiCompatibleServer;
import io.llmobs.test.TracedApplication;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

import static io.llmobs.test.TracedApplication.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The threads the sampled judge runs on, as an application gets them from Spring Boot's
 * task builders: the application's task decorator,
 * {@code spring.threads.virtual.enabled}, and a context close that lets a running
 * judgement end. The application's model answers over real HTTP; the judge is the
 * application's own bean, so that it can report the thread it runs on.
 */
class JudgeThreadsIntegrationTests {

	private static final JudgeVerdict PASS = new JudgeVerdict(Map.of("relevance", 1.0), "pass", "", null);

	@RegisterExtension
	static final OpenAiCompatibleServer server = OpenAiCompatibleServer.start();

	private final ApplicationContextRunner runner = TracedApplication.runner()
		.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "llmobs.judge.enabled=true",
				"llmobs.judge.model=gpt-4o", "llmobs.judge.sample-rate=1.0");

	@Test
	void judgementRunsInTheContextTheApplicationsTaskDecoratorCarriesAndInTheJudgedCallsTrace() {
		RecordingJudge judge = new RecordingJudge(Duration.ZERO);
		this.runner.withBean(Judge.class, () -> judge).withUserConfiguration(MdcPropagation.class).run((context) -> {
			MDC.put("request", "r-42");
			try {
				ask(context);
			}
			finally {
				MDC.remove("request");
			}
			judge.awaitEnd();
			assertThat(judge.thread.get().getName()).startsWith("llmobs-judge-");
			assertThat(judge.mdc.get()).as("the application's decorator ran around the judgement").isEqualTo("r-42");
			assertThat(spans(context)).as("the user's call")
				.filteredOn((span) -> !span.getName().equals(JudgeMetricNames.SPAN))
				.isNotEmpty()
				.extracting(SpanData::getTraceId)
				.as("the judge's thread is in the judged call's trace")
				.containsOnly(judge.traceId.get());
		});
	}

	@Test
	void judgeThreadsArePlatformDaemonThreadsWhereTheJvmHasNoVirtualThreads() {
		RecordingJudge judge = new RecordingJudge(Duration.ZERO);
		this.runner.withBean(Judge.class, () -> judge)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> {
				ask(context);
				judge.awaitEnd();
				assertThat(judge.thread.get().getName()).startsWith("llmobs-judge-");
				assertThat(isVirtual(judge.thread.get())).isEqualTo(Runtime.version().feature() >= 21);
				if (!isVirtual(judge.thread.get())) {
					assertThat(judge.thread.get().isDaemon()).as("never keeps the JVM alive").isTrue();
				}
			});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void judgeThreadsAreVirtualWhenSpringThreadsVirtualEnabled() {
		RecordingJudge judge = new RecordingJudge(Duration.ZERO);
		this.runner.withBean(Judge.class, () -> judge)
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> {
				ask(context);
				judge.awaitEnd();
				assertThat(isVirtual(judge.thread.get())).isTrue();
				assertThat(judge.thread.get().getName()).startsWith("llmobs-judge-");
			});
		RecordingJudge platform = new RecordingJudge(Duration.ZERO);
		this.runner.withBean(Judge.class, () -> platform).run((context) -> {
			ask(context);
			platform.awaitEnd();
			assertThat(isVirtual(platform.thread.get())).as("virtual only when asked for").isFalse();
		});
	}

	@Test
	void contextCloseLetsARunningJudgementEndWithinItsTimeLimit() {
		Duration judging = Duration.ofMillis(800);
		RecordingJudge judge = new RecordingJudge(judging);
		this.runner.withBean(Judge.class, () -> judge).withPropertyValues("llmobs.judge.timeout=5s").run((context) -> {
			ask(context);
			judge.awaitStart();
			long start = System.nanoTime();
			context.close();
			Duration closing = Duration.ofNanos(System.nanoTime() - start);
			assertThat(judge.interrupted.get()).as("the running judgement was not interrupted").isFalse();
			assertThat(judge.ended.getCount()).as("close returned after the judgement").isZero();
			assertThat(closing).isLessThan(Duration.ofSeconds(5));
		});
	}

	@Test
	void contextCloseWaitsNoLongerThanTheJudgementsTimeLimit() {
		RecordingJudge judge = new RecordingJudge(Duration.ofSeconds(30));
		this.runner.withBean(Judge.class, () -> judge)
			.withPropertyValues("llmobs.judge.timeout=500ms")
			.run((context) -> {
				ask(context);
				judge.awaitStart();
				long start = System.nanoTime();
				context.close();
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
				judge.awaitEnd();
				assertThat(judge.interrupted.get()).as("stopped at its time limit").isTrue();
			});
	}

	private static void ask(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		context.getBean(ChatClient.Builder.class).build().prompt("When does my parcel arrive?").call().content();
	}

	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	/** A judge that takes its time and reports the thread it ran on. */
	static final class RecordingJudge implements Judge {

		private final Duration judging;

		final AtomicReference<Thread> thread = new AtomicReference<>();

		final AtomicReference<String> mdc = new AtomicReference<>();

		final AtomicReference<String> traceId = new AtomicReference<>();

		final AtomicReference<Boolean> interrupted = new AtomicReference<>(false);

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch ended = new CountDownLatch(1);

		RecordingJudge(Duration judging) {
			this.judging = judging;
		}

		@Override
		public JudgeVerdict evaluate(JudgeRequest request) {
			this.thread.set(Thread.currentThread());
			this.mdc.set(MDC.get("request"));
			this.traceId.set(Span.current().getSpanContext().getTraceId());
			this.started.countDown();
			try {
				// The judge model answering: nothing releases it before its time.
				new CountDownLatch(1).await(this.judging.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				this.interrupted.set(true);
				Thread.currentThread().interrupt();
			}
			finally {
				this.ended.countDown();
			}
			return PASS;
		}

		void awaitStart() {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.started.getCount() == 0);
		}

		void awaitEnd() {
			await().atMost(Duration.ofSeconds(10)).until(() -> this.ended.getCount() == 0);
		}

	}

	/**
	 * An application's decorator that carries the logging context to the threads it
	 * decorates.
	 */
	@Configuration(proxyBeanMethods = false)
	static class MdcPropagation {

		@Bean
		TaskDecorator mdcTaskDecorator() {
			return (task) -> {
				Map<String, String> mdc = MDC.getCopyOfContextMap();
				return () -> {
					if (mdc != null) {
						MDC.setContextMap(mdc);
					}
					try {
						task.run();
					}
					finally {
						MDC.clear();
					}
				};
			};
		}

	}

}
