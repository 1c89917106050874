package io.llmobs.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.llmobs.core.BoundedTagValues;
import io.llmobs.core.CallAttribution;
import io.llmobs.core.DailySpend;
import io.micrometer.core.instrument.Clock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The daily budgets of tenants and stages: checks a call against them before the model is
 * called and adds the cost of every model call to its tenant's and stage's spend. The
 * spend is recorded after each call, so the calls already in flight when a budget is
 * spent may overshoot it.
 */
public final class SpendBudgets {

	private static final Log logger = LogFactory.getLog(SpendBudgets.class);

	private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);

	private final Settings settings;

	private final DailySpend spend;

	private final BudgetMeters meters;

	private final Clock clock;

	private final Map<String, ScopeBudget> tenants = new ConcurrentHashMap<>();

	private final Map<String, ScopeBudget> stages = new ConcurrentHashMap<>();

	SpendBudgets(Settings settings, DailySpend spend, BudgetMeters meters, Clock clock) {
		this.settings = settings;
		this.spend = spend;
		this.meters = meters;
		this.clock = clock;
		settings.tenants().forEach((name, limit) -> budget(this.tenants, BudgetScope.Kind.TENANT, name, limit));
		settings.stages().forEach((name, limit) -> budget(this.stages, BudgetScope.Kind.STAGE, name, limit));
	}

	/**
	 * Checks a call before the model is called: counts it when its tenant or stage is
	 * over budget, and in {@code block} mode refuses it.
	 * @param attribution the call's tenant and stage
	 * @return the refusal, or {@code null} when the call may go on
	 */
	@Nullable LlmBudgetExceededException check(CallAttribution attribution) {
		ScopeBudget tenant = tenantBudget(attribution.tenant());
		ScopeBudget stage = this.stages.get(attribution.stage());
		long today = epochDay();
		if (tenant != null && stage != null) {
			double[] spent = this.spend.spentToday(tenant.spendKey(), stage.spendKey());
			LlmBudgetExceededException refusal = check(tenant, spent[0], today);
			return (refusal != null) ? refusal : check(stage, spent[1], today);
		}
		if (tenant != null) {
			return check(tenant, this.spend.spentToday(tenant.spendKey())[0], today);
		}
		if (stage != null) {
			return check(stage, this.spend.spentToday(stage.spendKey())[0], today);
		}
		return null;
	}

	private @Nullable LlmBudgetExceededException check(ScopeBudget budget, double spentUsd, long today) {
		budget.spent(today, spentUsd);
		double limit = budget.limitUsd();
		if (spentUsd < limit * this.settings.warnRatio()) {
			return null;
		}
		if (spentUsd < limit) {
			if (budget.firstWarnToday(today)) {
				log(String.format(Locale.ROOT, "has spent %.0f%% of", 100 * spentUsd / limit), budget, spentUsd);
			}
			return null;
		}
		if (budget.firstLimitToday(today)) {
			log("is over", budget, spentUsd);
		}
		BudgetMode mode = this.settings.mode();
		this.meters.exceeded(budget.scope().kind(), mode);
		return (mode == BudgetMode.BLOCK) ? new LlmBudgetExceededException(budget.scope().kind().tagValue(),
				budget.scope().name(), limit, spentUsd) : null;
	}

	private void log(String what, ScopeBudget budget, double spentUsd) {
		String action = (this.settings.mode() == BudgetMode.BLOCK) ? "its calls are refused once it is over"
				: "its calls go on (llmobs.budgets.mode=warn)";
		logger
			.warn(String.format(Locale.ROOT, "llmobs budget: %s %s its daily budget today (UTC): %.4f of %.4f USD; %s",
					budget.scope(), what, spentUsd, budget.limitUsd(), action));
	}

	/**
	 * Adds the cost of a model call to its tenant's and stage's spend, when they have a
	 * budget.
	 * @param attribution the call's tenant and stage
	 * @param usd the call's cost
	 */
	void record(CallAttribution attribution, double usd) {
		ScopeBudget tenant = tenantBudget(attribution.tenant());
		if (tenant != null) {
			record(tenant, usd);
		}
		ScopeBudget stage = this.stages.get(attribution.stage());
		if (stage != null) {
			record(stage, usd);
		}
	}

	private void record(ScopeBudget budget, double usd) {
		long today = epochDay();
		budget.spent(today, budget.spentUsd(today) + usd);
		this.spend.add(budget.spendKey(), usd);
	}

	private @Nullable ScopeBudget tenantBudget(String tenant) {
		ScopeBudget budget = this.tenants.get(tenant);
		Double defaultLimit = this.settings.defaultTenantDailyUsd();
		if (budget != null || defaultLimit == null || BoundedTagValues.NONE.equals(tenant)
				|| BoundedTagValues.OTHER.equals(tenant)) {
			return budget;
		}
		return budget(this.tenants, BudgetScope.Kind.TENANT, tenant, defaultLimit);
	}

	private ScopeBudget budget(Map<String, ScopeBudget> budgets, BudgetScope.Kind kind, String name, double limit) {
		return budgets.computeIfAbsent(name, (key) -> {
			ScopeBudget budget = new ScopeBudget(new BudgetScope(kind, key), limit);
			this.meters.utilization(budget, (scope) -> scope.utilization(epochDay()));
			return budget;
		});
	}

	private long epochDay() {
		return Math.floorDiv(this.clock.wallTime(), DAY_MILLIS);
	}

	/**
	 * The budgets and today's spend of each, read from the spend store, for the endpoint.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		List<ScopeBudget> budgets = new ArrayList<>(this.tenants.values());
		budgets.addAll(this.stages.values());
		double[] spent = this.spend.spentToday(budgets.stream().map(ScopeBudget::spendKey).toArray(String[]::new));
		long today = epochDay();
		List<ScopeSnapshot> scopes = new ArrayList<>(budgets.size());
		for (int i = 0; i < spent.length; i++) {
			ScopeBudget budget = budgets.get(i);
			budget.spent(today, spent[i]);
			scopes.add(new ScopeSnapshot(budget.scope().kind().tagValue(), budget.scope().name(), budget.limitUsd(),
					spent[i], state(budget.limitUsd(), spent[i])));
		}
		return new Snapshot(this.settings.mode().name().toLowerCase(Locale.ROOT), this.settings.warnRatio(), scopes);
	}

	private String state(double limit, double spent) {
		if (spent >= limit) {
			return (this.settings.mode() == BudgetMode.BLOCK) ? "blocked" : "exceeded";
		}
		return (spent >= limit * this.settings.warnRatio()) ? "warning" : "ok";
	}

	/**
	 * The budgets.
	 *
	 * @param mode what a call over budget does
	 * @param warnRatio the share of a budget whose spending is logged as a warning
	 * @param defaultTenantDailyUsd the daily budget of every tenant without one of its
	 * own (not {@code none} nor {@code other}), or {@code null} for none
	 * @param tenants daily USD budgets by tenant tag value
	 * @param stages daily USD budgets by stage tag value
	 */
	public record Settings(BudgetMode mode, double warnRatio, @Nullable Double defaultTenantDailyUsd,
			Map<String, Double> tenants, Map<String, Double> stages) {
	}

	/**
	 * The budgets as the endpoint shows them.
	 *
	 * @param mode {@code warn} or {@code block}
	 * @param warnRatio the warn ratio
	 * @param scopes each budget with its spend today
	 */
	public record Snapshot(String mode, double warnRatio, List<ScopeSnapshot> scopes) {
	}

	/**
	 * One budget and its spend today.
	 *
	 * @param scope {@code tenant} or {@code stage}
	 * @param name the tenant or stage
	 * @param limitUsd the daily budget
	 * @param spentTodayUsd the spend since midnight UTC
	 * @param state {@code ok}, {@code warning} (past the warn ratio), {@code exceeded}
	 * (over, calls go on) or {@code blocked} (over, calls are refused)
	 */
	public record ScopeSnapshot(String scope, String name, double limitUsd, double spentTodayUsd, String state) {
	}

}
