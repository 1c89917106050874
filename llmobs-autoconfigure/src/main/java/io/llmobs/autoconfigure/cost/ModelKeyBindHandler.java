package io.llmobs.autoconfigure.cost;

import java.util.LinkedHashMap;
import java.util.Map;

import io.llmobs.autoconfigure.cost.LlmObsCostProperties.ModelSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;

/**
 * Binds the {@code llmobs.models} entries whose key holds dots written as plain
 * properties ({@code llmobs.models.gpt-4.1.input-price}). Boot's map binding reads every
 * dot as nesting, takes {@code gpt-4} for the key and leaves the property unbound; here
 * the last element is the entry's property, since every property of an entry is a scalar,
 * and the elements between {@code llmobs.models} and it are the key. The bracket form
 * ({@code llmobs.models[gpt-4.1].input-price}) is bound by Boot as before; one key
 * written in both forms fails start-up, as no order between the two forms would follow
 * the precedence of their property sources.
 */
final class ModelKeyBindHandler extends AbstractBindHandler {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("llmobs");

	private static final ConfigurationPropertyName MODELS = PREFIX.append("models");

	/**
	 * {@code llmobs}, {@code models}, two key elements at least, the entry's property.
	 */
	private static final int DOTTED_KEY_ELEMENTS = MODELS.getNumberOfElements() + 3;

	/**
	 * Wraps the handler of a binding.
	 * @param parent the handler that Boot built for the binding
	 */
	ModelKeyBindHandler(BindHandler parent) {
		super(parent);
	}

	@Override
	public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
			@Nullable Object result) throws Exception {
		if (context.getDepth() == 0 && PREFIX.equals(name)
				&& bound(target, result) instanceof LlmObsCostProperties properties) {
			bindDottedKeys(properties.getModels(), context);
		}
		super.onFinish(name, target, context, result);
	}

	private static @Nullable Object bound(Bindable<?> target, @Nullable Object result) {
		return (result != null || target.getValue() == null) ? result : target.getValue().get();
	}

	private void bindDottedKeys(Map<String, ModelSettings> models, BindContext context) {
		dottedEntries(context).forEach((key, entry) -> {
			if (models.containsKey(key)) {
				throw new IllegalStateException("The model key '" + key + "' is written both as 'llmobs.models." + key
						+ ".*' and as 'llmobs.models[" + key + "].*'; write it one way");
			}
			context.getBinder()
				.bind(entry, Bindable.of(ModelSettings.class), this)
				.ifBound((settings) -> models.put(key, settings));
		});
	}

	private static Map<String, ConfigurationPropertyName> dottedEntries(BindContext context) {
		Map<String, ConfigurationPropertyName> entries = new LinkedHashMap<>();
		for (ConfigurationPropertySource source : context.getSources()) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				for (ConfigurationPropertyName name : iterable.filter(MODELS::isAncestorOf)) {
					if (name.getNumberOfElements() >= DOTTED_KEY_ELEMENTS) {
						ConfigurationPropertyName entry = name.getParent();
						entries.putIfAbsent(key(entry), entry);
					}
				}
			}
		}
		return entries;
	}

	private static String key(ConfigurationPropertyName entry) {
		StringBuilder key = new StringBuilder();
		for (int i = MODELS.getNumberOfElements(); i < entry.getNumberOfElements(); i++) {
			if (!key.isEmpty()) {
				key.append('.');
			}
			key.append(entry.getElement(i, Form.ORIGINAL));
		}
		return key.toString();
	}

}
