package io.llmobs.sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.llmobs.feedback.FeedbackOutcome;
import io.llmobs.feedback.FeedbackRecorder;
import io.llmobs.sample.shipping.Quote;
import io.llmobs.sample.shipping.ShippingQuoteAgent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends a rotating set of questions through the pipeline and of quote requests to the
 * Shipping Cost Agent, for three tenants, some streamed and one that hits the token
 * limit, so that every llmobs series shows on {@code /actuator/prometheus} within a
 * minute. On when {@code sample.traffic.enabled=true}; one question every
 * {@code sample.traffic.interval}.
 */
@Component
@ConditionalOnBooleanProperty("sample.traffic.enabled")
public final class TrafficGenerator implements SchedulingConfigurer {

	private static final Log logger = LogFactory.getLog(TrafficGenerator.class);

	/** The tenants the traffic rotates through. */
	public static final List<String> TENANTS = List.of("acme", "globex", "initech");

	/** The questions of the pipeline's rotation. */
	public static final List<String> QUESTIONS = List.of("Why was my invoice charged twice this month?",
			"Where is my package? The tracking number has not changed for three days.",
			"The app crashes with an error when I upload a file, how do I fix it?",
			"How do I reset my password if I no longer have access to my email?",
			"Write an essay on the history of our refund policy.", "What are your opening hours?",
			"Can I get a refund for an order that was delivered damaged?",
			"Is there an API to export my account data?");

	/** The quote requests of the agent's rotation. */
	public static final List<String> QUOTES = List.of("What does express shipping of 5 kg to Hanoi cost?",
			"How much is standard shipping of 12 kg to Paris?",
			"How much does economy shipping of 3 kg to Toronto cost?",
			"What does express shipping of 2 kg to London cost?", "How much is standard shipping of 1.5 kg to Berlin?");

	/**
	 * What the simulated users do with the quotes, in turn: mostly accepted, some
	 * overridden.
	 */
	static final List<FeedbackOutcome> FEEDBACK = List.of(FeedbackOutcome.ACCEPTED, FeedbackOutcome.THUMBS_UP,
			FeedbackOutcome.ACCEPTED, FeedbackOutcome.EDITED, FeedbackOutcome.REGENERATED, FeedbackOutcome.ACCEPTED,
			FeedbackOutcome.THUMBS_DOWN);

	/** A request the guardrail refuses; its user disagrees, a false positive. */
	static final String PROHIBITED_QUOTE = "What does shipping 2 kg of cash to Paris cost?";

	private final QuestionPipeline pipeline;

	private final ShippingQuoteAgent agent;

	private final FeedbackRecorder feedback;

	private final SampleProperties properties;

	private final AtomicLong sent = new AtomicLong();

	/**
	 * Creates the generator.
	 * @param pipeline the pipeline to send questions through
	 * @param agent the Shipping Cost Agent to ask for quotes
	 * @param feedback where the simulated users' feedback on quotes goes
	 * @param properties the sample settings, for the interval
	 */
	public TrafficGenerator(QuestionPipeline pipeline, ShippingQuoteAgent agent, FeedbackRecorder feedback,
			SampleProperties properties) {
		this.pipeline = pipeline;
		this.agent = agent;
		this.feedback = feedback;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sendOne, this.properties.traffic().interval());
	}

	/**
	 * Sends the next question of the rotation (every third one streamed), asks for the
	 * next quote (one in each round is refused by the guardrail) and gives the quote's
	 * feedback.
	 */
	public void sendOne() {
		long n = this.sent.getAndIncrement();
		String question = QUESTIONS.get((int) (n % QUESTIONS.size()));
		String tenant = TENANTS.get((int) (n % TENANTS.size()));
		try {
			Answer answer = (n % 3 == 2) ? this.pipeline.askStreaming(question, tenant, (chunk) -> {
			}) : this.pipeline.ask(question, tenant);
			if (logger.isDebugEnabled()) {
				logger.debug("Traffic #" + n + " (" + tenant + ", " + answer.category() + "): $" + answer.costUsd());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Traffic question #" + n + " failed: " + ex.getMessage());
		}
		try {
			int next = (int) (n % (QUOTES.size() + 1));
			boolean prohibited = next == QUOTES.size();
			Quote quote = this.agent.quote(prohibited ? PROHIBITED_QUOTE : QUOTES.get(next), tenant);
			if (quote.traceId() != null) {
				this.feedback.record(quote.traceId(),
						prohibited ? FeedbackOutcome.THUMBS_DOWN : FEEDBACK.get((int) (n % FEEDBACK.size())));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Traffic quote #" + n + " failed: " + ex.getMessage());
		}
	}

}
