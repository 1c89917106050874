package io.llmobs.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.llmobs.capture.ContentAttributes;
import io.llmobs.chat.FinishReason;
import io.llmobs.chat.ModelCall;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.chat.ModelCallScope;
import io.llmobs.console.LlmObsConsole;
import io.llmobs.context.ContextAccount;
import io.llmobs.context.ContextAccountant;
import io.llmobs.context.ContextInstrumentation;
import io.llmobs.core.CallAttribution;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.TokenUsage;
import io.llmobs.test.InMemoryChatModel;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
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

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the console's ring of recent calls costs each model call on the request path: its observation handler's
 * {@code onStart} and {@code onStop} on a model-call context as Spring AI and llmobs leave it (a span, the model-call
 * and context accounting already computed by the chat and context handlers, and with {@code content=true} the three
 * captured content attributes), against the {@code baseline} that builds the same context and does nothing else.
 * The console's own cost is the difference between {@code console} and {@code baseline}, in the same run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class ConsoleRingBenchmark {

	@Param({ "false", "true" })
	boolean content;

	ConfigurableApplicationContext application;

	LlmObsConsole console;

	ObservationHandler<ChatModelObservationContext> handler;

	Prompt prompt;

	ModelCall call;

	ContextAccount account;

	Span span;

	@Setup(Level.Trial)
	public void setUp() {
		this.application = BenchmarkApplication.start(true, true);
		ContextAccountant accountant = this.application.getBean(ContextInstrumentation.class).accountant();
		this.console = new LlmObsConsole(new LlmObsConsole.Settings(100, this.content, 0.8, null),
				this.application.getBean(MeterRegistry.class), this.application.getBean(CostTotals.class),
				this.application.getBean(ModelCallAccounting.class), accountant, Map::of, List.of(),
				this.application.getBean(InstrumentationErrors.class), Executors.newSingleThreadScheduledExecutor());
		this.handler = this.console.observationHandler();
		this.prompt = new Prompt("What is the capital of France?",
				ChatOptions.builder().model(InMemoryChatModel.REQUEST_MODEL).build());
		this.account = accountant.accountExactly(new ChatClientRequest(this.prompt, Map.of()));
		this.call = new ModelCall(new ModelCallScope(new CallAttribution("default", "none"), null, 1, null),
				InMemoryChatModel.PROVIDER, InMemoryChatModel.REQUEST_MODEL, InMemoryChatModel.REQUEST_MODEL,
				new TokenUsage(12, 8, 0, 0, 0), true, true, List.of(FinishReason.STOP), 0.000012);
		this.span = this.application.getBean(Tracer.class).nextSpan().start();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.span.end();
		this.console.close();
		this.application.close();
	}

	@Benchmark
	public ChatModelObservationContext baseline() {
		return context();
	}

	@Benchmark
	public ChatModelObservationContext console() {
		ChatModelObservationContext context = context();
		this.handler.onStart(context);
		this.handler.onStop(context);
		return context;
	}

	/** A model call's context as the handlers before the console's leave it. */
	private ChatModelObservationContext context() {
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(this.prompt)
			.provider(InMemoryChatModel.PROVIDER)
			.build();
		TracingObservationHandler.TracingContext tracing = new TracingObservationHandler.TracingContext();
		tracing.setSpan(this.span);
		context.put(TracingObservationHandler.TracingContext.class, tracing);
		context.put(ModelCall.class, this.call);
		context.put(ContextAccount.class, this.account);
		if (this.content) {
			context.addHighCardinalityKeyValue(KeyValue.of(ContentAttributes.SYSTEM_INSTRUCTIONS, "[]"));
			context.addHighCardinalityKeyValue(KeyValue.of(ContentAttributes.INPUT_MESSAGES, "[]"));
			context.addHighCardinalityKeyValue(KeyValue.of(ContentAttributes.OUTPUT_MESSAGES, "[]"));
		}
		return context;
	}

}
