package io.llmobs.benchmark;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.prompt.PromptInstrumentation;
import io.llmobs.prompt.PromptInventory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.template.TemplateRenderer;
import org.springframework.ai.template.st.StTemplateRenderer;

/**
 * What prompt identity adds to a {@code ChatClient} call: rendering a system template through the tracking renderer
 * against Spring AI's renderer alone, and resolving the identity when the call starts (what the observation handler
 * does with a {@code ChatClient} call's observation), for a rendered system message and for a constant one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class PromptIdentityBenchmark {

	private static final String TEMPLATE = "You are a concise, friendly customer support assistant of {company}. "
			+ "The question was classified as '{category}'. Answer in at most three sentences, in the language of "
			+ "the question, and never promise a refund.";

	private static final Map<String, Object> VARIABLES = Map.of("company", "Acme Parcels", "category", "shipping");

	private TemplateRenderer plain;

	private TemplateRenderer tracking;

	private ObservationHandler<ChatClientObservationContext> identities;

	private ChatClientObservationContext rendered;

	private ChatClientObservationContext constant;

	@Setup
	public void setUp() {
		PromptInstrumentation prompts = new PromptInstrumentation(Map.of("answer", TEMPLATE), Clock.systemUTC(), null,
				new InstrumentationErrors(new SimpleMeterRegistry()));
		this.plain = StTemplateRenderer.builder().build();
		this.tracking = prompts.trackingRenderer(this.plain);
		this.identities = prompts.observationHandler();
		this.rendered = call(this.tracking.apply(TEMPLATE.replace("{company}", "{company} "), VARIABLES));
		this.constant = call(TEMPLATE);
		this.identities.onStart(this.rendered);
		this.identities.onStart(this.constant);
		List<PromptInventory.Seen> seen = prompts.inventory().snapshot().calls();
		if (seen.stream().noneMatch((call) -> call.name() == null && call.hash() != null)
				|| seen.stream().noneMatch((call) -> "answer".equals(call.name()))) {
			throw new IllegalStateException("identity not resolved: " + seen);
		}
	}

	private static ChatClientObservationContext call(String system) {
		return ChatClientObservationContext.builder()
			.request(ChatClientRequest.builder()
				.prompt(new Prompt(List.of(new SystemMessage(system), new UserMessage("Where is my parcel?"))))
				.context(Map.of())
				.build())
			.build();
	}

	@Benchmark
	public String renderPlain() {
		return this.plain.apply(TEMPLATE, VARIABLES);
	}

	@Benchmark
	public String renderTracked() {
		return this.tracking.apply(TEMPLATE, VARIABLES);
	}

	@Benchmark
	public ChatClientObservationContext resolveRendered() {
		this.identities.onStart(this.rendered);
		return this.rendered;
	}

	@Benchmark
	public ChatClientObservationContext resolveConstant() {
		this.identities.onStart(this.constant);
		return this.constant;
	}

}
