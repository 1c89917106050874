package io.llmobs.autoconfigure.judge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the sampled LLM-as-judge, under {@code llmobs.judge}: off until
 * enabled with a judge model named.
 */
@ConfigurationProperties("llmobs.judge")
@Validated
public class LlmObsJudgeProperties {

	/**
	 * Whether answers are judged. Needs 'llmobs.judge.model', a ChatModel bean qualified
	 * 'llmObsJudge' or a Judge bean; start-up fails without one of them.
	 */
	private boolean enabled;

	/**
	 * Fraction of ended ChatClient calls that are judged, in [0, 1].
	 */
	@DecimalMin("0")
	@DecimalMax("1")
	private double sampleRate = 0.05;

	/**
	 * Outcomes judged whatever the sample rate: 'error' (a failed call with part of an
	 * answer), 'length' (an answer cut at the token limit), 'tool-failure' (a tool
	 * failed, timed out or was unavailable).
	 */
	private List<@NotNull @Pattern(regexp = "error|length|tool-failure") String> alwaysOn = new ArrayList<>(
			List.of("error", "length", "tool-failure"));

	/**
	 * Model id the judge asks the application's ChatModel for; should differ from the
	 * judged model (a WARN at start-up when it does not). Not used when a ChatModel bean
	 * qualified 'llmObsJudge' exists.
	 */
	@Pattern(regexp = "(?s).*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}")
	private @Nullable String model;

	/**
	 * Criteria the judge scores from 0 to 1; 'faithfulness' and 'relevance' come with
	 * descriptions, other names (lower case, digits, underscores) are given to the judge
	 * as they are.
	 */
	@NotEmpty
	private List<@NotNull @Pattern(regexp = "[a-z][a-z0-9_]*") String> criteria = new ArrayList<>(
			List.of("faithfulness", "relevance"));

	/**
	 * Rubric text, the judge's system prompt; placeholders {criteria}, {criteria_json}
	 * and {categories}. Defaults to the bundled rubric.
	 */
	private @Nullable Resource rubric;

	/**
	 * Judgements waiting at most; further ones are dropped and counted.
	 */
	@Min(1)
	private int queueCapacity = 1_000;

	/**
	 * Judgements running at once.
	 */
	@Min(1)
	private int concurrency = 2;

	/**
	 * Judgements started per minute at most; further ones are dropped and counted.
	 */
	@Min(1)
	private int maxPerMinute = 60;

	/**
	 * USD the judge's own calls may cost per UTC day, as the cost meter prices them; then
	 * judgements are dropped and counted until the next day. A judge model without a
	 * price counts as free, which a WARN says once.
	 */
	@PositiveOrZero
	private double dailyBudgetUsd = 5.0;

	/**
	 * Time limit of one judgement; then the judge model's request is abandoned (Spring
	 * AI's OpenAI client cancels its HTTP call), the judgement is counted as a time-out
	 * and the slot takes the next judgement.
	 */
	@NotNull
	@DurationMin(nanos = 1)
	private Duration timeout = Duration.ofSeconds(30);

	/**
	 * Baseline written by the regression gate (JSON, mean score by criterion and stage)
	 * that 'llmobs.judge.drift' subtracts from the rolling mean score. Unset: no drift
	 * gauge.
	 */
	private @Nullable Resource baseline;

	/**
	 * Latest scores per criterion and stage that the drift gauge's rolling mean covers.
	 */
	@Min(1)
	private int driftWindow = 100;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public double getSampleRate() {
		return this.sampleRate;
	}

	public void setSampleRate(double sampleRate) {
		this.sampleRate = sampleRate;
	}

	public List<String> getAlwaysOn() {
		return this.alwaysOn;
	}

	public void setAlwaysOn(List<String> alwaysOn) {
		this.alwaysOn = alwaysOn;
	}

	public @Nullable String getModel() {
		return this.model;
	}

	public void setModel(@Nullable String model) {
		this.model = model;
	}

	public List<String> getCriteria() {
		return this.criteria;
	}

	public void setCriteria(List<String> criteria) {
		this.criteria = criteria;
	}

	public @Nullable Resource getRubric() {
		return this.rubric;
	}

	public void setRubric(@Nullable Resource rubric) {
		this.rubric = rubric;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public int getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(int concurrency) {
		this.concurrency = concurrency;
	}

	public int getMaxPerMinute() {
		return this.maxPerMinute;
	}

	public void setMaxPerMinute(int maxPerMinute) {
		this.maxPerMinute = maxPerMinute;
	}

	public double getDailyBudgetUsd() {
		return this.dailyBudgetUsd;
	}

	public void setDailyBudgetUsd(double dailyBudgetUsd) {
		this.dailyBudgetUsd = dailyBudgetUsd;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public @Nullable Resource getBaseline() {
		return this.baseline;
	}

	public void setBaseline(@Nullable Resource baseline) {
		this.baseline = baseline;
	}

	public int getDriftWindow() {
		return this.driftWindow;
	}

	public void setDriftWindow(int driftWindow) {
		this.driftWindow = driftWindow;
	}

}
