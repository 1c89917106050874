package io.llmobs.judge;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.llmobs.chat.ModelCallAccounting;
import io.llmobs.cost.ModelCatalog;
import io.llmobs.cost.ModelEntry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.util.StringUtils;

/**
 * Charges the judge's daily budget with what each answer of the judge model costs. A
 * judge whose cost cannot be known counts as free, so
 * {@code llmobs.judge.daily-budget-usd} could never stop it: that is said once, at
 * start-up when the judge model is known then, else at its first answer that cannot be
 * priced, naming the properties that price it.
 */
final class JudgeSpending implements Consumer<ChatResponse> {

	private static final Log logger = LogFactory.getLog(JudgeSpending.class);

	private static final Pattern PLAIN_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]*");

	private final JudgeBudget budget;

	private final ModelCallAccounting accounting;

	private final AtomicBoolean warned = new AtomicBoolean();

	/**
	 * Creates the judge's spending and checks that the judge model has a price.
	 * @param budget the budget to charge
	 * @param accounting prices the judge's answers
	 * @param catalog the model catalog with the application's overrides
	 * @param judgeModel the judge model's id, or {@code null} when it is known only from
	 * its answers
	 */
	JudgeSpending(JudgeBudget budget, ModelCallAccounting accounting, ModelCatalog catalog,
			@Nullable String judgeModel) {
		this.budget = budget;
		this.accounting = accounting;
		if (judgeModel != null && catalog.find(judgeModel).map(ModelEntry::prices).isEmpty()) {
			warnOnce(unpriced(judgeModel));
		}
	}

	@Override
	public void accept(ChatResponse response) {
		Double cost = this.accounting.costOf(response);
		if (cost != null) {
			this.budget.charge(cost);
			return;
		}
		String model = response.getMetadata().getModel();
		Integer tokens = response.getMetadata().getUsage().getTotalTokens();
		if (!StringUtils.hasText(model)) {
			warnOnce("its answers name no model that the model catalog could price");
		}
		else if (tokens != null && tokens > 0) {
			warnOnce(unpriced(model));
		}
		else {
			warnOnce("its model '" + model + "' reports no token usage");
		}
	}

	private void warnOnce(String reason) {
		if (this.warned.compareAndSet(false, true)) {
			logger.warn("llmobs.judge.daily-budget-usd cannot limit the judge, whose calls count as free: " + reason);
		}
	}

	private static String unpriced(String model) {
		String key = PLAIN_KEY.matcher(model).matches() ? "llmobs.models." + model : "llmobs.models[" + model + "]";
		return "the model catalog has no price for its model '" + model + "'; price it with " + key
				+ ".input-price and " + key + ".output-price";
	}

}
