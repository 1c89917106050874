package io.llmobs.benchmark;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What each default-on feature adds to a traced call: the call of {@link ChatClientCallBenchmark} with llmobs and
 * one feature switched off ({@code off}, a property set to {@code false}), next to all features on ({@code none})
 * and llmobs off ({@code llmobs.enabled}). A feature's cost is the difference between {@code none} and its row, in
 * the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class FeatureCostBenchmark {

	@Param({ "none", "llmobs.context.enabled", "llmobs.feedback.enabled", "llmobs.prompts.enabled",
			"llmobs.pii.enabled", "llmobs.redaction.enabled", "llmobs.conversations.enabled", "llmobs.enabled" })
	String off;

	ConfigurableApplicationContext application;

	ChatClient chatClient;

	@Setup(Level.Trial)
	public void setUp() {
		this.application = this.off.equals("none") ? BenchmarkApplication.start(true, true)
				: BenchmarkApplication.start(true, true, this.off + "=false");
		this.chatClient = BenchmarkApplication.chatClient(this.application);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.application.close();
	}

	@Benchmark
	public String tracedCall() {
		return ChatClientCallBenchmark.call(this.chatClient);
	}

}
