package io.llmobs.chat;

import io.llmobs.core.InstrumentationErrors;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

/**
 * Records the input tokens and cost of every embedding call that Spring AI observes, on
 * the same meters as the model calls, so that a stage that embeds (retrieval inside a
 * {@code ChatClient} call, or a task) pays for its embeddings too.
 */
final class EmbeddingModelMetricsHandler implements ObservationHandler<EmbeddingModelObservationContext> {

	private final ModelCallAccounting accounting;

	private final ChatModelMetricsHandler models;

	private final InstrumentationErrors errors;

	/**
	 * Creates the handler.
	 * @param accounting the model-call accounting
	 * @param models records the meters, totals and task cost of an accounted call
	 * @param errors where failures inside llmobs are reported
	 */
	EmbeddingModelMetricsHandler(ModelCallAccounting accounting, ChatModelMetricsHandler models,
			InstrumentationErrors errors) {
		this.accounting = accounting;
		this.models = models;
		this.errors = errors.register(ChatComponents.MODEL_METRICS);
	}

	@Override
	public void onStart(EmbeddingModelObservationContext context) {
		this.errors.run(ChatComponents.MODEL_METRICS, this.accounting, context, ModelCallAccounting::scope);
	}

	@Override
	public void onStop(EmbeddingModelObservationContext context) {
		this.errors.run(ChatComponents.MODEL_METRICS, this, context, EmbeddingModelMetricsHandler::stopped);
	}

	private void stopped(EmbeddingModelObservationContext context) {
		this.models.record(this.accounting.account(context));
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof EmbeddingModelObservationContext;
	}

}
