package io.llmobs.cost;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Running USD totals since start-up, by model and by stage, for the Actuator endpoint.
 * <p>
 * Keys are the bounded tag values of the metrics, so the maps stay as small as the tag
 * sets.
 */
public final class CostTotals {

	private final DoubleAdder total = new DoubleAdder();

	private final Map<String, DoubleAdder> byModel = new ConcurrentHashMap<>();

	private final Map<String, DoubleAdder> byStage = new ConcurrentHashMap<>();

	/**
	 * Adds the cost of one response.
	 * @param model the bounded model tag value
	 * @param stage the bounded stage tag value
	 * @param usd the cost in USD
	 */
	public void add(String model, String stage, double usd) {
		this.total.add(usd);
		this.byModel.computeIfAbsent(model, (key) -> new DoubleAdder()).add(usd);
		this.byStage.computeIfAbsent(stage, (key) -> new DoubleAdder()).add(usd);
	}

	/**
	 * The total so far.
	 * @return USD since start-up
	 */
	public double total() {
		return this.total.sum();
	}

	/**
	 * Totals by model, sorted by model.
	 * @return USD by model tag value
	 */
	public Map<String, Double> byModel() {
		return sums(this.byModel);
	}

	/**
	 * Totals by stage, sorted by stage.
	 * @return USD by stage tag value
	 */
	public Map<String, Double> byStage() {
		return sums(this.byStage);
	}

	private static Map<String, Double> sums(Map<String, DoubleAdder> adders) {
		Map<String, Double> sums = new TreeMap<>();
		adders.forEach((key, adder) -> sums.put(key, adder.sum()));
		return sums;
	}

}
