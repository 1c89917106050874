package io.llmobs.benchmark;

import java.util.concurrent.TimeUnit;

import io.llmobs.core.LlmObsParams;
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
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What conversations add to a traced call: the call of {@link ChatClientCallBenchmark} with a chat-memory conversation
 * id, conversations on ({@code on}) and off ({@code off}), next to the same call without an id ({@code none}). Each
 * call is a turn of one of 100 conversations, so the turn counting, the totals and the span attributes all run. Read
 * the time and the bytes allocated per call ({@code -prof gc}) of the rows against each other, in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class ConversationTurnBenchmark {

	private static final String[] CONVERSATIONS = new String[100];

	static {
		for (int i = 0; i < CONVERSATIONS.length; i++) {
			CONVERSATIONS[i] = "conversation-" + i;
		}
	}

	@Param({ "on", "off", "none" })
	String conversations;

	ConfigurableApplicationContext application;

	ChatClient chatClient;

	int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.application = BenchmarkApplication.start(true, true,
				"llmobs.conversations.enabled=" + !this.conversations.equals("off"));
		this.chatClient = BenchmarkApplication.chatClient(this.application);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.application.close();
	}

	@Benchmark
	public String turn() {
		if (this.conversations.equals("none")) {
			return ChatClientCallBenchmark.call(this.chatClient);
		}
		String conversation = CONVERSATIONS[this.next++ % CONVERSATIONS.length];
		return this.chatClient.prompt()
			.user(ChatClientCallBenchmark.QUESTION)
			.advisors((a) -> a.param(LlmObsParams.STAGE, "generate")
				.param(LlmObsParams.TENANT, "acme")
				.param(ChatMemory.CONVERSATION_ID, conversation))
			.call()
			.content();
	}

}
