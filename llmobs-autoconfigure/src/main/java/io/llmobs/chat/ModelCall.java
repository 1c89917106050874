package io.llmobs.chat;

import java.util.List;

import io.llmobs.core.CallAttribution;
import io.llmobs.cost.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * What llmobs accounted for one model round trip; computed once per observation and
 * shared by the span enrichment and the metrics.
 *
 * @param scope stage, tenant and enclosing task
 * @param provider the {@code gen_ai.provider.name} value
 * @param modelId the model id as the provider reported it, else as requested, or
 * {@code null}
 * @param model the bounded model tag value
 * @param usage the normalized token usage
 * @param usageReported whether the provider reported usage at all
 * @param answered whether a complete response arrived: {@code false} for a failed call
 * and for a stream that failed or was cancelled before its end
 * @param finishReasons the normalized finish reason of each generation
 * @param costUsd the cost in USD, or {@code null} when the model has no price or no usage
 * was reported
 */
public record ModelCall(ModelCallScope scope, String provider, @Nullable String modelId, String model, TokenUsage usage,
		boolean usageReported, boolean answered, List<FinishReason> finishReasons, @Nullable Double costUsd) {

	/**
	 * Stage and tenant.
	 * @return the attribution of the call
	 */
	public CallAttribution attribution() {
		return this.scope.attribution();
	}

	/**
	 * Whether a complete response arrived without usage, as some proxies and streams
	 * without usage send it; a call that failed or was cancelled has no response to miss
	 * usage in.
	 * @return whether the response's usage is missing
	 */
	public boolean usageMissing() {
		return this.answered && !this.usageReported;
	}

}
