package io.llmobs.autoconfigure;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.boot.system.JavaVersion;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Builds llmobs's own thread pools with Spring Boot's task builders, the way Boot builds
 * the application's: virtual threads when {@code spring.threads.virtual.enabled} is set
 * and the JVM has them (Java 21+), daemon platform threads otherwise. The pools keep the
 * bounds llmobs's properties give, not {@code spring.task.execution.*}, so a full pool
 * still rejects instead of blocking the caller. The feature that takes a pool owns it and
 * shuts it down.
 */
public final class LlmObsThreadPools {

	private final boolean virtualThreads;

	private final @Nullable TaskDecorator taskDecorator;

	/**
	 * Creates the pools' settings from the application's.
	 * @param environment where {@code spring.threads.virtual.enabled} is read
	 * @param taskDecorator the application's task decorator, applied when it has exactly
	 * one: Boot's context-propagating decorator with
	 * {@code spring.task.execution.propagate-context=true}, for example
	 */
	public LlmObsThreadPools(Environment environment, ObjectProvider<TaskDecorator> taskDecorator) {
		// What Boot's Threading.VIRTUAL reads, which Boot 4 and 3.5 keep in different
		// packages.
		this.virtualThreads = JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE)
				&& environment.getProperty("spring.threads.virtual.enabled", boolean.class, false);
		this.taskDecorator = taskDecorator.getIfUnique();
	}

	/**
	 * A started pool whose tasks run in the submitter's context, through the
	 * application's task decorator.
	 * @param threadNamePrefix the prefix of its threads' names
	 * @param bounds sets its sizes and queue capacity
	 * @return the pool, started
	 */
	public ThreadPoolExecutor contextExecutor(String threadNamePrefix,
			UnaryOperator<ThreadPoolTaskExecutorBuilder> bounds) {
		ThreadPoolTaskExecutorBuilder builder = new ThreadPoolTaskExecutorBuilder();
		return start((this.taskDecorator != null) ? builder.taskDecorator(this.taskDecorator) : builder,
				threadNamePrefix, bounds);
	}

	/**
	 * A started pool for work that needs none of the submitter's context.
	 * @param threadNamePrefix the prefix of its threads' names
	 * @param bounds sets its sizes and queue capacity
	 * @return the pool, started
	 */
	public ThreadPoolExecutor executor(String threadNamePrefix, UnaryOperator<ThreadPoolTaskExecutorBuilder> bounds) {
		return start(new ThreadPoolTaskExecutorBuilder(), threadNamePrefix, bounds);
	}

	/**
	 * A started scheduler with one thread, for alarms that only signal other threads.
	 * @param threadNamePrefix the prefix of its thread's name
	 * @return the scheduler, started
	 */
	public ScheduledExecutorService scheduler(String threadNamePrefix) {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskSchedulerBuilder().poolSize(1)
			.threadNamePrefix(threadNamePrefix)
			.customizers(this::threads)
			.build();
		scheduler.initialize();
		return scheduler.getScheduledExecutor();
	}

	private ThreadPoolExecutor start(ThreadPoolTaskExecutorBuilder builder, String threadNamePrefix,
			UnaryOperator<ThreadPoolTaskExecutorBuilder> bounds) {
		ThreadPoolTaskExecutor executor = bounds.apply(builder.threadNamePrefix(threadNamePrefix))
			.customizers(this::threads)
			.build();
		executor.initialize();
		return executor.getThreadPoolExecutor();
	}

	private void threads(ExecutorConfigurationSupport executor) {
		if (this.virtualThreads) {
			executor.setVirtualThreads(true);
		}
		else {
			// A pool of llmobs never keeps the JVM alive; the feature that owns it stops
			// it on context close.
			executor.setDaemon(true);
		}
	}

}
