package io.llmobs.benchmark;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.prompt.PromptIdentity;
import io.llmobs.prompt.PromptIdentityResolver;
import io.llmobs.prompt.PromptInventory;
import io.llmobs.prompt.PromptRegistry;
import io.llmobs.prompt.PromptRenders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.template.TemplateRenderer;
import org.springframework.ai.template.st.StTemplateRenderer;

/**
 * What prompt identity adds to a {@code ChatClient} call: rendering a system template through the tracking renderer
 * against Spring AI's renderer alone, and resolving the identity when the call starts, for a rendered system
 * message and for a constant one.
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

	private PromptIdentityResolver resolver;

	private ChatClientRequest rendered;

	private ChatClientRequest constant;

	@Setup
	public void setUp() {
		InstrumentationErrors errors = new InstrumentationErrors(new SimpleMeterRegistry());
		PromptRenders renders = new PromptRenders(10_000);
		this.plain = StTemplateRenderer.builder().build();
		PromptRegistry registry = new PromptRegistry(Map.of("answer", TEMPLATE), Instant.now(), this.plain, renders,
				errors);
		this.resolver = new PromptIdentityResolver(registry, renders,
				new PromptInventory(registry, Clock.systemUTC(), 100), errors);
		this.tracking = this.resolver.trackingRenderer(this.plain);
		this.rendered = request(this.tracking.apply(TEMPLATE.replace("{company}", "{company} "), VARIABLES));
		this.constant = request(TEMPLATE);
		if (this.resolver.resolve(this.rendered).hash() == null || this.resolver.resolve(this.constant).name() == null) {
			throw new IllegalStateException("identity not resolved");
		}
	}

	private static ChatClientRequest request(String system) {
		return ChatClientRequest.builder()
			.prompt(new Prompt(List.of(new SystemMessage(system), new UserMessage("Where is my parcel?"))))
			.context(Map.of())
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
	public PromptIdentity resolveRendered() {
		return this.resolver.resolve(this.rendered);
	}

	@Benchmark
	public PromptIdentity resolveConstant() {
		return this.resolver.resolve(this.constant);
	}

}
