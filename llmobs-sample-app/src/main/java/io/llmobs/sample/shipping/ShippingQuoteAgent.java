package io.llmobs.sample.shipping;

import java.util.List;

import io.llmobs.chat.LlmObs;
import io.llmobs.core.LlmObsParams;
import io.llmobs.chat.LlmTask;
import io.llmobs.sample.Classifier;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.advisor.RetrievalAugmentationAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The Shipping Cost Agent: one pipeline, each step a stage of one llmobs task, so that
 * the cost of every quote and of each step shows on the dashboard.
 * <ol>
 * <li>{@code classify}: what the customer asks about, then the
 * {@link ProhibitedItemsGuardrail}, which refuses items the rate card does not
 * accept;</li>
 * <li>{@code retrieve}: the closest rate-card passages from the vector store (an
 * observation of its own, around Spring AI's embedding and vector-store
 * observations);</li>
 * <li>{@code generate}: the quote, with the passages added by Spring AI's
 * {@link RetrievalAugmentationAdvisor} (so llmobs counts them as retrieved documents) and
 * two tools: {@link RateLookupTool} and {@link CalculatorTool}.</li>
 * </ol>
 */
@Service
public final class ShippingQuoteAgent {

	/** The task every quote runs in. */
	public static final String TASK = "shipping-quote";

	/** The observation around the retrieval step. */
	static final String RETRIEVE_OBSERVATION = "shipping.retrieve";

	static final String CLASSIFY_SYSTEM_PROMPT = """
			You are the triage step of a parcel service's support desk. Classify the customer's message into exactly \
			one category: billing, shipping, technical, account or general. Reply with that one lowercase word only.""";

	static final String GENERATE_SYSTEM_PROMPT = """
			You are the shipping-cost agent of a parcel service. Quote prices only from the rate card and the tools: \
			find the rate with lookup_rate, compute the price with calculate (base plus price per kg times the \
			weight), then answer with the price in EUR and the delivery time. If a tool is unavailable, say that you \
			cannot quote right now instead of guessing.""";

	/** The answer to a request the guardrail refused. */
	static final String REFUSAL = "We cannot ship this item: cash, weapons, perishable food and liquids over one litre "
			+ "are not accepted (see Prohibited and restricted items in our rate card).";

	private final ChatClient chatClient;

	private final Classifier classifier;

	private final LlmObs llmObs;

	private final ShippingPolicies policies;

	private final RateLookupTool rateLookup;

	private final CalculatorTool calculator;

	private final ObservationRegistry observationRegistry;

	private final ProhibitedItemsGuardrail guardrail;

	private final ObjectProvider<Tracer> tracer;

	/**
	 * Creates the agent.
	 * @param chatClientBuilder the auto-configured builder, which llmobs instruments
	 * @param llmObs the llmobs entry point, for the task scope
	 * @param policies the rate-card passages
	 * @param rateLookup the rate-lookup tool
	 * @param calculator the calculator tool
	 * @param observationRegistry where the retrieval step is observed
	 * @param guardrail the guardrail on what may be shipped
	 * @param tracer the tracer, for the trace id of a quote
	 */
	public ShippingQuoteAgent(ChatClient.Builder chatClientBuilder, LlmObs llmObs, ShippingPolicies policies,
			RateLookupTool rateLookup, CalculatorTool calculator, ObservationRegistry observationRegistry,
			ProhibitedItemsGuardrail guardrail, ObjectProvider<Tracer> tracer) {
		this.chatClient = chatClientBuilder.build();
		this.classifier = new Classifier(this.chatClient, CLASSIFY_SYSTEM_PROMPT);
		this.llmObs = llmObs;
		this.policies = policies;
		this.rateLookup = rateLookup;
		this.calculator = calculator;
		this.observationRegistry = observationRegistry;
		this.guardrail = guardrail;
		this.tracer = tracer;
	}

	/**
	 * Quotes the cost of a shipment described in plain words.
	 * @param question the customer's question, e.g. "What does express shipping of 5 kg
	 * to Hanoi cost?"
	 * @param tenant the customer's plan, for cost segmentation
	 * @return the quote
	 */
	public Quote quote(String question, String tenant) {
		try (LlmTask task = this.llmObs.task(TASK)) {
			try {
				String category = this.classifier.classify(question, tenant);
				if (!this.guardrail.allows(question)) {
					task.success();
					return new Quote(category, List.of(), REFUSAL, null, traceId(), task.costUsd());
				}
				List<Document> passages = retrieve(question);
				ChatResponse response = generate(question, tenant, passages);
				String answer = (response != null && response.getResult() != null)
						? response.getResult().getOutput().getText() : null;
				task.success();
				return new Quote(category, passages.stream().map(ShippingQuoteAgent::title).toList(),
						(answer != null) ? answer : "", (response != null) ? response.getMetadata().getId() : null,
						traceId(), task.costUsd());
			}
			catch (RuntimeException ex) {
				task.error(ex);
				throw ex;
			}
		}
	}

	private List<Document> retrieve(String question) {
		return Observation.createNotStarted(RETRIEVE_OBSERVATION, this.observationRegistry)
			.contextualName("retrieve rate card")
			.lowCardinalityKeyValue("llmobs.stage", "retrieve")
			.observe(() -> this.policies.search(question));
	}

	private @Nullable ChatResponse generate(String question, String tenant, List<Document> passages) {
		RetrievalAugmentationAdvisor rag = RetrievalAugmentationAdvisor.builder()
			.documentRetriever((query) -> passages)
			.build();
		return this.chatClient.prompt()
			.system(GENERATE_SYSTEM_PROMPT)
			.user(question)
			.tools(this.rateLookup, this.calculator)
			.advisors(rag)
			.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, "generate").param(LlmObsParams.TENANT, tenant))
			.call()
			.chatResponse();
	}

	private @Nullable String traceId() {
		Tracer tracer = this.tracer.getIfAvailable();
		Span span = (tracer != null) ? tracer.currentSpan() : null;
		return (span != null) ? span.context().traceId() : null;
	}

	private static String title(Document passage) {
		Object title = passage.getMetadata().get("title");
		return (title != null) ? title.toString() : passage.getId();
	}

}
