package io.llmobs.chat;

import java.util.List;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.InstrumentationErrors;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.api.Advisor;
import org.springframework.ai.chat.model.ChatModel;

/**
 * Entry point for application code: instruments {@code ChatClient}s built by hand, and
 * groups several chat calls into one task, for example <pre class="code">
 * try (LlmTask task = llmObs.task("shipping-quote")) {
 *     String category = classifier.prompt(request).call().content();
 *     String quote = generator.prompt(category).call().content();
 *     task.success();
 * }
 * </pre>
 */
public final class LlmObs {

	private final ObservationRegistry observationRegistry;

	private final MeterRegistry meterRegistry;

	private final BoundedTagValues tasks;

	private final InstrumentationErrors errors;

	private final Advisor[] advisors;

	/**
	 * Creates the entry point.
	 * @param observationRegistry where task observations are created
	 * @param meterRegistry where task costs are recorded
	 * @param tasks bounded task names
	 * @param errors where failures inside llmobs are reported
	 * @param advisors the llmobs advisors, such as the one that instruments
	 * {@code ChatClient} streams
	 */
	public LlmObs(ObservationRegistry observationRegistry, MeterRegistry meterRegistry, BoundedTagValues tasks,
			InstrumentationErrors errors, List<? extends LlmObsAdvisor> advisors) {
		this.observationRegistry = observationRegistry;
		this.meterRegistry = meterRegistry;
		this.tasks = tasks;
		this.errors = errors.register(ChatComponents.TASK);
		this.advisors = advisors.toArray(Advisor[]::new);
	}

	/**
	 * An instrumented {@code ChatClient.Builder} for a model of the application's own:
	 * the one-liner for clients that are not built from the auto-configured builder
	 * ({@code llmObs.chatClientBuilder(model).build()}).
	 * @param chatModel the model
	 * @return a builder observed through the application's registry, with the llmobs
	 * advisors
	 */
	public ChatClient.Builder chatClientBuilder(ChatModel chatModel) {
		return ChatClient.builder(chatModel, this.observationRegistry, null, null).defaultAdvisors(this.advisors);
	}

	/**
	 * The advisors to add to a {@code ChatClient.Builder} that already exists: the stream
	 * instrumentation and the context block guard when it is on. The builder must be
	 * built with the application's {@code ObservationRegistry}, which is how
	 * {@code call()}s are instrumented.
	 * @return the llmobs advisors
	 */
	public List<Advisor> advisors() {
		return List.of(this.advisors);
	}

	/**
	 * Opens a task scope on the current thread; close it on the same thread
	 * (try-with-resources).
	 * @param name the task name, a constant of the application such as
	 * {@code shipping-quote}, never user data
	 * @return the open task
	 */
	public LlmTask task(String name) {
		LlmTaskContext context = new LlmTaskContext(this.tasks.bound(name));
		context.addLowCardinalityKeyValue(KeyValue.of("task", context.getTask()));
		// High cardinality: the llmobs.task timer keeps its tags.
		context.addHighCardinalityKeyValue(GenAiConventions.INVOKE_WORKFLOW);
		context.addHighCardinalityKeyValue(KeyValue.of(GenAiConventions.WORKFLOW_NAME, context.getTask()));
		Observation observation = Observation.createNotStarted(ChatMetricNames.TASK, () -> context,
				this.observationRegistry);
		return new LlmTask(observation, context, this.meterRegistry, this.errors);
	}

}
