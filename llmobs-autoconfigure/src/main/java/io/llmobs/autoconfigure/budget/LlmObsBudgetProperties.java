package io.llmobs.autoconfigure.budget;

import java.util.LinkedHashMap;
import java.util.Map;

import io.llmobs.budget.BudgetMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the daily spend budgets per tenant and per stage, under
 * {@code llmobs.budgets}. Days are UTC days.
 */
@ConfigurationProperties("llmobs.budgets")
@Validated
public class LlmObsBudgetProperties {

	/**
	 * Whether calls are checked against daily USD budgets and their cost added to them.
	 */
	private boolean enabled;

	/**
	 * What a call whose tenant or stage is over its daily budget does: 'warn' lets it go
	 * on and counts it, 'block' fails it before the model is called with
	 * LlmBudgetExceededException.
	 */
	@NotNull
	private BudgetMode mode = BudgetMode.WARN;

	/**
	 * Share of a daily budget whose spending is logged as a warning, once per scope and
	 * day.
	 */
	@DecimalMin(value = "0.0", inclusive = false)
	@DecimalMax("1.0")
	private double warnRatio = 0.8;

	/**
	 * Daily USD budget of every tenant without one of its own (the 'none' and 'other' tag
	 * values excepted); unset for none.
	 */
	@Positive
	private @Nullable Double defaultTenantDailyUsd;

	/**
	 * Daily budgets by tenant; a tenant named here is never folded into the 'other' tag
	 * value.
	 */
	private Map<String, @Valid Limit> tenants = new LinkedHashMap<>();

	/**
	 * Daily budgets by stage; a stage named here is never folded into the 'other' tag
	 * value.
	 */
	private Map<String, @Valid Limit> stages = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public BudgetMode getMode() {
		return this.mode;
	}

	public void setMode(BudgetMode mode) {
		this.mode = mode;
	}

	public double getWarnRatio() {
		return this.warnRatio;
	}

	public void setWarnRatio(double warnRatio) {
		this.warnRatio = warnRatio;
	}

	public @Nullable Double getDefaultTenantDailyUsd() {
		return this.defaultTenantDailyUsd;
	}

	public void setDefaultTenantDailyUsd(@Nullable Double defaultTenantDailyUsd) {
		this.defaultTenantDailyUsd = defaultTenantDailyUsd;
	}

	public Map<String, Limit> getTenants() {
		return this.tenants;
	}

	public void setTenants(Map<String, Limit> tenants) {
		this.tenants = tenants;
	}

	public Map<String, Limit> getStages() {
		return this.stages;
	}

	public void setStages(Map<String, Limit> stages) {
		this.stages = stages;
	}

	/**
	 * The daily limits of some budgets, those without a limit left out.
	 * @param limits the budgets by tenant or stage
	 * @return the limits in USD a day by tenant or stage, in the same order
	 */
	public static Map<String, Double> dailyLimits(Map<String, Limit> limits) {
		Map<String, Double> daily = new LinkedHashMap<>();
		limits.forEach((name, limit) -> {
			Double usd = limit.getDailyUsd();
			if (usd != null) {
				daily.put(name, usd);
			}
		});
		return daily;
	}

	/**
	 * The daily budget of one tenant or stage.
	 */
	public static class Limit {

		/**
		 * USD the tenant or stage may spend per UTC day.
		 */
		@NotNull
		@Positive
		private @Nullable Double dailyUsd;

		public @Nullable Double getDailyUsd() {
			return this.dailyUsd;
		}

		public void setDailyUsd(@Nullable Double dailyUsd) {
			this.dailyUsd = dailyUsd;
		}

	}

}
