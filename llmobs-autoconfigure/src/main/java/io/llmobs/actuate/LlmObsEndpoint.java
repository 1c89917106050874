package io.llmobs.actuate;

import java.util.List;
import java.util.Map;

import io.llmobs.budget.SpendBudgets;
import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.BoundedTags;
import io.llmobs.context.ContextStats;
import io.llmobs.conversation.Conversations;
import io.llmobs.feedback.Interactions;
import io.llmobs.judge.SampledJudge;
import io.llmobs.prompt.PromptInventory;
import io.llmobs.tool.ToolCircuitBreakers;
import io.llmobs.cost.CatalogStatus;
import io.llmobs.cost.CostTotals;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/llmobs}: the model catalog in use, the effective non-secret settings,
 * the cost totals since start-up, how full the bounded tags are, the context-window
 * figures, the tools' circuit breakers, the judge, the costliest recent conversations and
 * the spend budgets.
 */
@Endpoint(id = "llmobs")
public class LlmObsEndpoint {

	private final ModelCatalog catalog;

	private final CostTotals costTotals;

	private final Map<String, Object> settings;

	private final @Nullable BoundedTags tags;

	private final @Nullable ContextStats context;

	private final @Nullable ToolCircuitBreakers breakers;

	private final @Nullable PromptInventory prompts;

	private final @Nullable Interactions interactions;

	private final @Nullable SampledJudge judge;

	private final @Nullable Conversations conversations;

	private final @Nullable SpendBudgets budgets;

	/**
	 * Creates the endpoint.
	 * @param catalog the model catalog in use
	 * @param costTotals the running cost totals
	 * @param settings the effective non-secret settings to show
	 * @param tags the bounded tag values, or {@code null} when the chat instrumentation
	 * is off
	 * @param context the context accounting's figures, or {@code null} when it is off
	 * @param breakers the tools' circuit breakers, or {@code null} when the tool guard is
	 * off or runs without them (Resilience4j is not on the class path)
	 * @param prompts the prompt registry and the prompts of calls, or {@code null} when
	 * prompt versions are off
	 * @param interactions the calls that feedback can refer to, or {@code null} when
	 * feedback is off
	 * @param judge the sampled judge, or {@code null} when it is off
	 * @param conversations the recent conversations, or {@code null} when conversations
	 * are off
	 * @param budgets the spend budgets, or {@code null} when they are off
	 */
	public LlmObsEndpoint(ModelCatalog catalog, CostTotals costTotals, Map<String, Object> settings,
			@Nullable BoundedTags tags, @Nullable ContextStats context, @Nullable ToolCircuitBreakers breakers,
			@Nullable PromptInventory prompts, @Nullable Interactions interactions, @Nullable SampledJudge judge,
			@Nullable Conversations conversations, @Nullable SpendBudgets budgets) {
		this.catalog = catalog;
		this.costTotals = costTotals;
		this.settings = settings;
		this.tags = tags;
		this.context = context;
		this.breakers = breakers;
		this.prompts = prompts;
		this.interactions = interactions;
		this.judge = judge;
		this.conversations = conversations;
		this.budgets = budgets;
	}

	/**
	 * The current state of llmobs.
	 * @return the descriptor
	 */
	@ReadOperation
	public LlmObsDescriptor llmobs() {
		List<String> keys = this.catalog.getEntries().stream().map(ModelEntry::key).toList();
		return new LlmObsDescriptor(
				new CatalogDescriptor(this.catalog.getDate(), this.catalog.getSource(), keys.size(), keys,
						this.catalog.getStatus()),
				this.settings,
				new CostDescriptor(this.costTotals.total(), this.costTotals.byModel(), this.costTotals.byStage()),
				tagUsage(), (this.context != null) ? this.context.snapshot() : null,
				(this.breakers != null) ? this.breakers.states() : Map.of(),
				(this.prompts != null) ? this.prompts.snapshot() : null,
				(this.interactions != null) ? new FeedbackDescriptor(this.interactions.size()) : null,
				(this.judge != null) ? this.judge.snapshot() : null,
				(this.conversations != null) ? this.conversations.snapshot() : null,
				(this.budgets != null) ? this.budgets.snapshot() : null);
	}

	private Map<String, TagUsageDescriptor> tagUsage() {
		if (this.tags == null) {
			return Map.of();
		}
		return Map.of("stage", usage(this.tags.stages()), "tenant", usage(this.tags.tenants()), "model",
				usage(this.tags.models()), "task", usage(this.tags.tasks()));
	}

	private static TagUsageDescriptor usage(BoundedTagValues values) {
		return new TagUsageDescriptor(values.size(), values.maxValues());
	}

	/**
	 * The endpoint's response.
	 *
	 * @param catalog the model catalog
	 * @param settings the effective settings
	 * @param cost the cost totals
	 * @param tags how many distinct values each bounded tag has admitted; at the limit,
	 * new values become 'other'
	 * @param context threshold crossings, largest recent utilization, calibration and
	 * token cache; {@code null} when the context accounting is off
	 * @param toolCircuitBreakers the state of each tool's circuit breaker, by tool name
	 * @param prompts the registry's prompts and the distinct prompt identities of calls,
	 * with when each was first seen; {@code null} when prompt versions are off
	 * @param feedback the ids that feedback can refer to; {@code null} when feedback is
	 * off
	 * @param judge the judge's sample rate, queue, evaluations by outcome and budget used
	 * today; {@code null} when the judge is off
	 * @param conversations the costliest recent conversations with their turns, tokens,
	 * cost and context figures; {@code null} when conversations are off
	 * @param budgets the spend budgets: mode, warn ratio and each budget's limit, spend
	 * today and state; {@code null} when they are off
	 */
	public record LlmObsDescriptor(CatalogDescriptor catalog, Map<String, Object> settings, CostDescriptor cost,
			Map<String, TagUsageDescriptor> tags, ContextStats.@Nullable Snapshot context,
			Map<String, String> toolCircuitBreakers, PromptInventory.@Nullable Snapshot prompts,
			@Nullable FeedbackDescriptor feedback, SampledJudge.@Nullable Snapshot judge,
			Conversations.@Nullable Snapshot conversations,
			SpendBudgets.@Nullable Snapshot budgets) implements OperationResponseBody {
	}

	/**
	 * The state of user feedback.
	 *
	 * @param ids the response and trace ids kept for feedback (an estimate)
	 */
	public record FeedbackDescriptor(long ids) {
	}

	/**
	 * Usage of one bounded tag.
	 *
	 * @param admitted distinct values admitted so far
	 * @param maxValues the limit before values fold into 'other'
	 */
	public record TagUsageDescriptor(int admitted, int maxValues) {
	}

	/**
	 * The model catalog in use.
	 *
	 * @param date the date of the bundled prices, {@code null} when the bundled catalog
	 * is off
	 * @param source where the bundled prices come from
	 * @param size the number of entries
	 * @param models the entry keys in matching order
	 * @param loaded the catalog loaded from {@code llmobs.catalog.location}: where, when,
	 * how many entries, the last failure; {@code null} when no location is set
	 */
	public record CatalogDescriptor(@Nullable String date, @Nullable String source, int size, List<String> models,
			@Nullable CatalogStatus loaded) {
	}

	/**
	 * USD spent since start-up.
	 *
	 * @param totalUsd all model calls
	 * @param byModelUsd by model tag value
	 * @param byStageUsd by stage tag value
	 */
	public record CostDescriptor(double totalUsd, Map<String, Double> byModelUsd, Map<String, Double> byStageUsd) {
	}

}
