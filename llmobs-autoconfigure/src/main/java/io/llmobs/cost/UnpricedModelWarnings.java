package io.llmobs.cost;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs one WARN per model that has usage but no price, naming the properties that would
 * price it.
 */
public final class UnpricedModelWarnings {

	private static final Log logger = LogFactory.getLog(UnpricedModelWarnings.class);

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Warns about an unpriced model, once per model tag value.
	 * @param model the bounded model tag value
	 * @param modelId the model id as reported, or {@code null}
	 * @param provider the provider
	 */
	public void warnOnce(String model, @Nullable String modelId, String provider) {
		if (this.warned.add(model) && logger.isWarnEnabled()) {
			logger.warn("Model '" + modelId + "' of provider '" + provider + "' has no price in the llmobs model "
					+ "catalog: its cost is not recorded, only counted in llmobs.cost.unpriced. Set "
					+ "llmobs.models.<key>.match, llmobs.models.<key>.input-price and llmobs.models.<key>.output-price "
					+ "(USD per 1M tokens) to price it.");
		}
	}

}
