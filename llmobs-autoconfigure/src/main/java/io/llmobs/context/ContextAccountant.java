package io.llmobs.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.knuddels.jtokkit.api.EncodingType;
import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.context.ContextCalibration.ModelCalibration;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.core.ObservationAncestry;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.advisor.observation.AdvisorObservationContext;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.document.Document;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Accounts for the context window of model calls: counts the sections of the prompt,
 * applies the model's calibration and looks the window up in the {@link ModelCatalog}.
 */
public final class ContextAccountant {

	/**
	 * Where context-window accounting: section counts, calibration, the block guard
	 * report failures in {@code llmobs.instrumentation.errors}.
	 */
	public static final InstrumentationErrors.Component COMPONENT = new InstrumentationErrors.Component("context");

	/**
	 * Advisor-context keys under which Spring AI's retrieval advisors leave the documents
	 * they merged into the prompt: {@code RetrievalAugmentationAdvisor.DOCUMENT_CONTEXT}
	 * and {@code QuestionAnswerAdvisor.RETRIEVED_DOCUMENTS}.
	 */
	public static final List<String> DOCUMENT_KEYS = List.of("rag_document_context", "qa_retrieved_documents");

	private final TokenCounter counter;

	private final ContextCalibration calibration;

	private final ModelCatalog catalog;

	/**
	 * Creates the accountant.
	 * @param counter the token counter
	 * @param calibration the per-model calibration
	 * @param catalog where context windows are looked up
	 */
	ContextAccountant(TokenCounter counter, ContextCalibration calibration, ModelCatalog catalog) {
		this.counter = counter;
		this.calibration = calibration;
		this.catalog = catalog;
	}

	/**
	 * Counts the sections of a model call when it starts, from the cache; texts not
	 * counted yet are estimated from their length and tokenized in the background, so
	 * that they are counted by the time the call ends.
	 * @param context the model call's observation context, started
	 */
	public void start(ChatModelObservationContext context) {
		context.put(Estimate.class, estimate(context));
	}

	/**
	 * The accounting of a model call, computed once and kept in its context: from the
	 * counts taken when it started, recounted if some texts that were only estimated then
	 * have been counted since.
	 * @param context the model call's observation context
	 * @return the accounting
	 */
	public ContextAccount account(ChatModelObservationContext context) {
		Estimate started = context.get(Estimate.class);
		ContextAccount account = (started != null) ? started.account : null;
		if (account == null) {
			Estimate estimate = (started == null || started.countedSince(this.counter)) ? estimate(context) : started;
			String requestModel = ModelCallAccounting.requestModel(context);
			ChatResponse response = context.getResponse();
			String responseModel = (response != null) ? blankToNull(response.getMetadata().getModel()) : null;
			account = account(estimate.sections(), estimate.calibration(), window(responseModel, requestModel),
					(responseModel != null) ? responseModel : requestModel, estimate.provisional());
			if (started != null) {
				started.account = account;
			}
			else {
				estimate.account = account;
				context.put(Estimate.class, estimate);
			}
		}
		return account;
	}

	private Estimate estimate(ChatModelObservationContext context) {
		String requestModel = ModelCallAccounting.requestModel(context);
		ModelCalibration plain = this.calibration.of(requestModel);
		EncodingType encoding = plain.encoding();
		CachedTexts texts = new CachedTexts(encoding);
		SectionTokens sections = PromptSectionCounter.count(context.getRequest(), documents(context), texts);
		return new Estimate(sections, encoding, texts.estimated,
				hasTools(sections) ? this.calibration.of(requestModel, true) : plain);
	}

	/**
	 * The exact accounting of a request about to be sent, tokenizing on the caller's
	 * thread what is not cached.
	 * @param request the request as the last advisor before the model sees it
	 * @return the accounting
	 */
	public ContextAccount accountExactly(ChatClientRequest request) {
		Prompt prompt = request.prompt();
		ChatOptions options = prompt.getOptions();
		String requestModel = (options != null) ? options.getModel() : null;
		SectionTokens sections = PromptSectionCounter.count(prompt, documents(request.context()),
				new ExactTexts(this.calibration.of(requestModel).encoding()));
		return account(sections, this.calibration.of(requestModel, hasTools(sections)), window(null, requestModel),
				requestModel, false);
	}

	/**
	 * Learns from a finished call how the provider counts.
	 * @param context the model call's observation context
	 * @param account its accounting
	 * @param reportedInputTokens the input tokens the provider reported, cached ones
	 * included
	 * @return the absolute relative error of the published estimate, or {@code null} when
	 * nothing was learned
	 */
	public @Nullable Double calibrate(ChatModelObservationContext context, ContextAccount account,
			long reportedInputTokens) {
		if (account.provisional()) {
			return null;
		}
		// the estimate's: the calibration of the call's model, with or without tools as
		// the call has them, which a recount does not change
		Estimate estimate = context.get(Estimate.class);
		ModelCalibration calibration = (estimate != null) ? estimate.calibration()
				: this.calibration.of(ModelCallAccounting.requestModel(context), hasTools(account.sections()));
		return calibration.learn(account.estimatedTokens(), account.tokens(), reportedInputTokens);
	}

	private static ContextAccount account(SectionTokens estimated, ModelCalibration calibration,
			@Nullable Integer window, @Nullable String modelId, boolean provisional) {
		SectionTokens calibrated = estimated.scaled(calibration.factor());
		return new ContextAccount(modelId, calibrated, estimated.total(), calibrated.total(), window, provisional);
	}

	private static boolean hasTools(SectionTokens sections) {
		return sections.get(ContextSection.TOOL_DEFINITIONS) > 0;
	}

	private @Nullable Integer window(@Nullable String responseModel, @Nullable String requestModel) {
		ModelEntry entry = this.catalog.find(responseModel, requestModel).orElse(null);
		return (entry != null) ? entry.contextWindow() : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * The documents of the request that reached the model, from the advisor observation
	 * around the call.
	 */
	private static List<Document> documents(ChatModelObservationContext context) {
		AdvisorObservationContext advisor = ObservationAncestry.findContext(context, AdvisorObservationContext.class);
		return (advisor != null) ? documents(advisor.getChatClientRequest().context()) : List.of();
	}

	private static List<Document> documents(Map<String, @Nullable Object> advisorContext) {
		List<Document> documents = null;
		for (String key : DOCUMENT_KEYS) {
			if (advisorContext.get(key) instanceof List<?> values) {
				for (Object value : values) {
					if (value instanceof Document document) {
						if (documents == null) {
							documents = new ArrayList<>();
						}
						documents.add(document);
					}
				}
			}
		}
		return (documents != null) ? documents : List.of();
	}

	/**
	 * Uncalibrated section counts of a model call, and its accounting once it is made:
	 * one entry of the call's context for both.
	 */
	private static final class Estimate {

		private final SectionTokens sections;

		private final EncodingType encoding;

		private final List<EstimatedText> estimated;

		private final ModelCalibration calibration;

		/** Written when the call ends, maybe on the thread of a stream's last chunk. */
		private volatile @Nullable ContextAccount account;

		/**
		 * @param sections the tokens per section
		 * @param encoding the encoding the texts were counted with
		 * @param estimated the texts that were not counted yet and were estimated from
		 * their length
		 * @param calibration the calibration of the call's model, with or without tools
		 * as the call has them
		 */
		Estimate(SectionTokens sections, EncodingType encoding, List<EstimatedText> estimated,
				ModelCalibration calibration) {
			this.sections = sections;
			this.encoding = encoding;
			this.estimated = estimated;
			this.calibration = calibration;
		}

		SectionTokens sections() {
			return this.sections;
		}

		ModelCalibration calibration() {
			return this.calibration;
		}

		boolean provisional() {
			return !this.estimated.isEmpty();
		}

		/**
		 * Whether counting again would change something: one of the estimated texts is
		 * counted now.
		 */
		boolean countedSince(TokenCounter counter) {
			for (EstimatedText text : this.estimated) {
				if (text.isCounted(counter, this.encoding)) {
					return true;
				}
			}
			return false;
		}

	}

	/** A text that was estimated because it was not counted yet. */
	private interface EstimatedText {

		boolean isCounted(TokenCounter counter, EncodingType encoding);

	}

	/** Counts exactly, tokenizing on the caller's thread what is not cached. */
	private final class ExactTexts implements PromptSectionCounter.Texts {

		private final EncodingType encoding;

		ExactTexts(EncodingType encoding) {
			this.encoding = encoding;
		}

		@Override
		public long tokens(@Nullable String text, TokenCounter.Form form) {
			return (text != null) ? ContextAccountant.this.counter.count(this.encoding, text, form) : 0;
		}

		@Override
		public long tool(ToolDefinition tool) {
			return ContextAccountant.this.counter.count(this.encoding, tool);
		}

	}

	/**
	 * Counts from the cache; a text not cached yet is estimated and counted in the
	 * background.
	 */
	private final class CachedTexts implements PromptSectionCounter.Texts {

		private final EncodingType encoding;

		private List<EstimatedText> estimated = List.of();

		CachedTexts(EncodingType encoding) {
			this.encoding = encoding;
		}

		@Override
		public long tokens(@Nullable String text, TokenCounter.Form form) {
			if (text == null) {
				return 0;
			}
			int count = ContextAccountant.this.counter.cachedCount(this.encoding, text, form);
			if (count >= 0) {
				return count;
			}
			estimated((counter, encoding) -> counter.isCounted(encoding, text, form));
			return ContextAccountant.this.counter.estimate(this.encoding, text);
		}

		@Override
		public long tool(ToolDefinition tool) {
			int count = ContextAccountant.this.counter.cachedCount(this.encoding, tool);
			if (count >= 0) {
				return count;
			}
			estimated((counter, encoding) -> counter.isCounted(encoding, tool));
			return ContextAccountant.this.counter.estimate(this.encoding, tool);
		}

		private void estimated(EstimatedText text) {
			if (this.estimated.isEmpty()) {
				this.estimated = new ArrayList<>(2);
			}
			this.estimated.add(text);
		}

	}

}
