package io.llmobs.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
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
 * What a tenant budget costs a traced call of {@link ChatClientCallBenchmark}: budgets off ({@code off}, the
 * baseline of the same run), a tenant budget kept by the instance ({@code local}), and the same budget kept in a real
 * {@code redis-server} on this machine ({@code redis}: one {@code MGET} before the model is called, one
 * {@code INCRBYFLOAT} sent without waiting after it). The benchmark starts and stops the Redis itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class SharedStateBenchmark {

	private static final String BUDGET = "llmobs.budgets.tenants.acme.daily-usd=1000000";

	@Param({ "off", "local", "redis" })
	String budgets;

	Process redis;

	ConfigurableApplicationContext application;

	ChatClient chatClient;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.application = switch (this.budgets) {
			case "off" -> BenchmarkApplication.start(true, true);
			case "local" -> BenchmarkApplication.start(true, true, "llmobs.budgets.enabled=true", BUDGET);
			default -> {
				int port = freePort();
				this.redis = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind",
						"127.0.0.1", "--save", "", "--appendonly", "no")
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.redirectErrorStream(true)
					.start();
				awaitPort(port);
				yield BenchmarkApplication.start(true, true, "llmobs.budgets.enabled=true", BUDGET,
						"llmobs.shared-state.store=redis", "spring.data.redis.port=" + port);
			}
		};
		this.chatClient = BenchmarkApplication.chatClient(this.application);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws InterruptedException {
		this.application.close();
		if (this.redis != null) {
			this.redis.destroy();
			this.redis.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Benchmark
	public String tracedCall() {
		return ChatClientCallBenchmark.call(this.chatClient);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitPort(int port) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("redis-server did not listen on " + port);
	}

}
