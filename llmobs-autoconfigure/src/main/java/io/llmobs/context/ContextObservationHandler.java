package io.llmobs.context;

import io.llmobs.core.InstrumentationErrors;
import io.llmobs.chat.ModelCall;
import io.llmobs.chat.ModelCallAccounting;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Accounts for the context window of every model round trip that Spring AI observes (each
 * iteration of a tool loop included): counts the sections from the cache when the call
 * starts (new texts are tokenized in the background), and when it ends records the
 * sections, the utilization and threshold crossings, and calibrates the estimate against
 * the provider's reported input tokens.
 */
final class ContextObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private final ContextAccountant accountant;

	private final ModelCallAccounting modelCalls;

	private final ContextMeters meters;

	private final double warnRatio;

	private final InstrumentationErrors errors;

	/**
	 * Creates the handler.
	 * @param accountant the context accountant
	 * @param modelCalls the model-call accounting, for attribution and reported usage
	 * @param meters the context meters
	 * @param warnRatio the utilization that counts as a threshold crossing
	 * @param errors where failures inside llmobs are reported
	 */
	ContextObservationHandler(ContextAccountant accountant, ModelCallAccounting modelCalls, ContextMeters meters,
			double warnRatio, InstrumentationErrors errors) {
		this.accountant = accountant;
		this.modelCalls = modelCalls;
		this.meters = meters;
		this.warnRatio = warnRatio;
		this.errors = errors.register(ContextAccountant.COMPONENT);
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		this.errors.run(ContextAccountant.COMPONENT, this.accountant, context, ContextAccountant::start);
	}

	@Override
	public void onStop(ChatModelObservationContext context) {
		this.errors.run(ContextAccountant.COMPONENT, this, context, ContextObservationHandler::record);
	}

	private void record(ChatModelObservationContext context) {
		ModelCall call = this.modelCalls.account(context);
		ContextAccount account = this.accountant.account(context);
		String stage = call.attribution().stage();
		Double utilization = account.utilization();
		boolean exceeded = utilization != null && utilization >= this.warnRatio;
		this.meters.record(call.model(), stage, account, exceeded);
		if (call.usageReported()) {
			Double error = this.accountant.calibrate(context, account, call.usage().input());
			if (error != null) {
				this.meters.recordEstimateError(call.model(), error);
			}
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

}
