package io.llmobs.chat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.ObservationAncestry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.model.observation.ModelObservationContext;

/**
 * Counts the retries of model and embedding calls ({@code llmobs.chat.retries}) by the
 * model asked for, the provider and the {@link RetryReason}, for the clients whose
 * retries llmobs can see.
 */
public final class ModelCallRetries {

	private final MeterRegistry registry;

	private final BoundedTagValues models;

	private final ProviderNames providerNames;

	private final Map<Series, Counter> counters = new ConcurrentHashMap<>();

	ModelCallRetries(MeterRegistry registry, BoundedTagValues models, ProviderNames providerNames) {
		this.registry = registry;
		this.models = models;
		this.providerNames = providerNames;
	}

	/**
	 * Counts one retry of the model call that the given observation is, or is inside.
	 * @param context an observation of the retried attempt, or of the model call
	 * @param reason why the attempt before failed
	 */
	public void retried(Observation.@Nullable ContextView context, RetryReason reason) {
		ModelObservationContext<?, ?> call = modelCall(context);
		String model = this.models.bound((call != null) ? requestModel(call) : null);
		String provider = (call != null) ? provider(call) : ProviderNames.UNKNOWN;
		this.counters.computeIfAbsent(new Series(model, provider, reason), this::counter).increment();
	}

	/**
	 * The model or embedding call that the given observation is, or is inside.
	 * @param context an observation's context, or {@code null}
	 * @return the model call's context, or {@code null} when it is inside none
	 */
	public static @Nullable ModelObservationContext<?, ?> modelCall(Observation.@Nullable ContextView context) {
		return ObservationAncestry.findContext(context, ModelObservationContext.class);
	}

	private String provider(ModelObservationContext<?, ?> call) {
		String provider = call.getOperationMetadata().provider();
		return (call instanceof ChatModelObservationContext chat)
				? this.providerNames.semconv(provider, chat.getRequest().getOptions())
				: this.providerNames.semconv(provider);
	}

	private static @Nullable String requestModel(ModelObservationContext<?, ?> call) {
		if (call instanceof ChatModelObservationContext chat) {
			return ModelCallAccounting.requestModel(chat);
		}
		if (call instanceof EmbeddingModelObservationContext embedding) {
			EmbeddingOptions options = embedding.getRequest().getOptions();
			return (options != null) ? options.getModel() : null;
		}
		return null;
	}

	private Counter counter(Series series) {
		return Counter.builder(ChatMetricNames.RETRIES)
			.description("Retried attempts of model calls, by the failure of the attempt before")
			.tags("model", series.model(), "provider", series.provider(), "reason", series.reason().value())
			.register(this.registry);
	}

	private record Series(String model, String provider, RetryReason reason) {
	}

}
