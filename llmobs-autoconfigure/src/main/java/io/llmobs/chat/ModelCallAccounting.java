package io.llmobs.chat;

import java.util.ArrayList;
import java.util.List;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttributionResolver;
import io.llmobs.core.ObservationAncestry;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import io.llmobs.cost.TokenUsage;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

/**
 * Turns a finished model observation into a {@link ModelCall}: attribution, provider,
 * bounded model, normalized usage and finish reasons, and cost from the
 * {@link ModelCatalog}.
 */
public final class ModelCallAccounting {

	private final ModelCatalog catalog;

	private final BoundedTagValues models;

	private final CallAttributionResolver attributionResolver;

	private final CallPromptLookup prompts;

	private final ProviderNames providerNames;

	/**
	 * Creates the accounting.
	 * @param catalog prices of the models
	 * @param models bounded model tag values
	 * @param attributionResolver attribution of model calls outside a {@code ChatClient}
	 * call
	 * @param prompts finds the prompt tags of the enclosing {@code ChatClient} call
	 * @param providerNames the semantic-convention names of the providers
	 */
	ModelCallAccounting(ModelCatalog catalog, BoundedTagValues models, CallAttributionResolver attributionResolver,
			CallPromptLookup prompts, ProviderNames providerNames) {
		this.catalog = catalog;
		this.models = models;
		this.attributionResolver = attributionResolver;
		this.prompts = prompts;
		this.providerNames = providerNames;
	}

	/**
	 * Resolves the scope of a model call when it starts, on the caller's thread: the
	 * enclosing {@code ChatClient} call's attribution, task and iteration, else the
	 * defaults and the nearest enclosing task; computed once.
	 * @param context the model call's observation context
	 * @return the scope
	 */
	public ModelCallScope scope(ChatModelObservationContext context) {
		return state(context).scope();
	}

	private ModelCallState state(ChatModelObservationContext context) {
		ModelCallState state = context.get(ModelCallState.class);
		if (state == null) {
			String provider = provider(context);
			ChatCall call = ChatCalls.enclosing(context);
			ModelCallScope scope;
			if (call != null) {
				int iteration = call.modelCallStarted(provider, requestModel(context), context);
				scope = new ModelCallScope(call.attribution(), call.task(), iteration, this.prompts.find(context));
			}
			else {
				scope = new ModelCallScope(this.attributionResolver.resolveDefault(),
						ObservationAncestry.findContext(context, LlmTaskContext.class), 1, this.prompts.find(null));
			}
			state = new ModelCallState(scope, provider);
			context.put(ModelCallState.class, state);
		}
		return state;
	}

	/**
	 * The accounting of a finished model call, computed once.
	 * @param context the model call's observation context, stopped
	 * @return the accounting
	 */
	public ModelCall account(ChatModelObservationContext context) {
		ModelCallState state = state(context);
		ModelCall accounted = state.accounted();
		if (accounted != null) {
			return accounted;
		}
		String provider = state.provider();
		ChatResponse response = context.getResponse();
		String responseModel = (response != null) ? blankToNull(response.getMetadata().getModel()) : null;
		String requestModel = requestModel(context);
		String modelId = (responseModel != null) ? responseModel : requestModel;
		TokenUsage usage = (response != null) ? TokenUsages.from(reportedUsage(context, response), provider)
				: TokenUsage.NONE;
		// Spring AI sets the response only once it is complete: never for a failed call
		// or a stream that failed or was cancelled part way.
		boolean answered = response != null && context.getError() == null;
		ModelCall call = new ModelCall(state.scope(), provider, modelId, this.models.bound(modelId), usage,
				!usage.isEmpty(), answered, finishReasons(response), cost(usage, responseModel, requestModel));
		state.accounted(call);
		return call;
	}

	/**
	 * Resolves the scope of an embedding call when it starts, on the caller's thread: the
	 * enclosing {@code ChatClient} call's attribution and task (a retrieval advisor
	 * embeds inside it), else the defaults and the nearest enclosing task.
	 * @param context the embedding call's observation context
	 * @return the scope
	 */
	ModelCallScope scope(EmbeddingModelObservationContext context) {
		ModelCallScope scope = context.get(ModelCallScope.class);
		if (scope == null) {
			ChatCall call = ChatCalls.enclosing(context);
			scope = (call != null) ? new ModelCallScope(call.attribution(), call.task(), 1, this.prompts.find(context))
					: new ModelCallScope(this.attributionResolver.resolveDefault(),
							ObservationAncestry.findContext(context, LlmTaskContext.class), 1, this.prompts.find(null));
			context.put(ModelCallScope.class, scope);
		}
		return scope;
	}

	/**
	 * The accounting of a finished embedding call: its input tokens, priced by the
	 * catalog entry of the embedding model; it has no output and no finish reason.
	 * @param context the embedding call's observation context, stopped
	 * @return the accounting
	 */
	ModelCall account(EmbeddingModelObservationContext context) {
		String provider = this.providerNames.semconv(context.getOperationMetadata().provider(), null);
		EmbeddingResponse response = context.getResponse();
		String responseModel = (response != null) ? blankToNull(response.getMetadata().getModel()) : null;
		EmbeddingOptions options = context.getRequest().getOptions();
		String requestModel = (options != null) ? blankToNull(options.getModel()) : null;
		String modelId = (responseModel != null) ? responseModel : requestModel;
		TokenUsage usage = (response != null) ? TokenUsages.from(response.getMetadata().getUsage(), provider)
				: TokenUsage.NONE;
		boolean answered = response != null && context.getError() == null;
		return new ModelCall(scope(context), provider, modelId, this.models.bound(modelId), usage, !usage.isEmpty(),
				answered, List.of(), cost(usage, responseModel, requestModel));
	}

	private @Nullable Double cost(TokenUsage usage, @Nullable String responseModel, @Nullable String requestModel) {
		if (usage.isEmpty()) {
			return null;
		}
		ModelEntry entry = this.catalog.find(responseModel, requestModel).orElse(null);
		return (entry != null) ? entry.costOf(usage) : null;
	}

	/**
	 * The usage that the provider reported: of a stream that ended, the latest that its
	 * chunks carried, since Spring AI's aggregation of a stream keeps only input and
	 * output tokens.
	 */
	private Usage reportedUsage(ChatModelObservationContext context, ChatResponse response) {
		if (ChatModelContexts.isStreaming(context)) {
			ChatCall call = ChatCalls.enclosing(context);
			Usage streamed = (call != null) ? call.streamedUsage(context) : null;
			if (streamed != null) {
				return streamed;
			}
		}
		return response.getMetadata().getUsage();
	}

	/**
	 * Accounts a model call again, once the stream that held it back ended.
	 * @param context the model call's observation context, stopped
	 * @return the accounting
	 */
	ModelCall reaccount(ChatModelObservationContext context) {
		state(context).accounted(null);
		return account(context);
	}

	/**
	 * The cost of a response as the catalog prices its reported usage, for parts of
	 * llmobs that meter their own calls (the judge's budget).
	 * @param response the response
	 * @return USD, or {@code null} when the model has no price or no usage was reported
	 */
	public @Nullable Double costOf(ChatResponse response) {
		TokenUsage usage = TokenUsages.from(response.getMetadata().getUsage(), ProviderNames.UNKNOWN);
		if (usage.isEmpty()) {
			return null;
		}
		ModelEntry entry = this.catalog.find(blankToNull(response.getMetadata().getModel()), null).orElse(null);
		return (entry != null) ? entry.costOf(usage) : null;
	}

	private String provider(ChatModelObservationContext context) {
		return this.providerNames.semconv(context.getOperationMetadata().provider(), context.getRequest().getOptions());
	}

	/**
	 * The model that a model call asked for.
	 * @param context the model call's observation context
	 * @return the model of the request's options, or {@code null}
	 */
	public static @Nullable String requestModel(ChatModelObservationContext context) {
		ChatOptions options = context.getRequest().getOptions();
		return (options != null) ? blankToNull(options.getModel()) : null;
	}

	private static List<FinishReason> finishReasons(@Nullable ChatResponse response) {
		if (response == null) {
			return List.of();
		}
		List<Generation> generations = response.getResults();
		if (generations.size() == 1) {
			FinishReason reason = FinishReason.of(generations.get(0).getMetadata().getFinishReason());
			return (reason != null) ? List.of(reason) : List.of();
		}
		List<FinishReason> reasons = new ArrayList<>();
		for (Generation generation : generations) {
			FinishReason reason = FinishReason.of(generation.getMetadata().getFinishReason());
			if (reason != null) {
				reasons.add(reason);
			}
		}
		return reasons;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
