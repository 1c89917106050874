package io.llmobs.autoconfigure.core;

import java.util.LinkedHashSet;
import java.util.Set;

import io.llmobs.autoconfigure.core.LlmObsProperties.UnknownKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;

/**
 * Reports the {@code llmobs.*} properties that a bind of llmobs's properties leaves
 * unbound, as Boot does for {@code ignoreUnknownFields = false}, and also those under
 * {@code llmobs} that no llmobs properties class binds ({@code llmobs.toolz.timeout}):
 * start-up fails, or each is logged once. A bind rooted at {@code llmobs} answers only
 * for the names of its own properties, and the kernel's bind also for top-level names
 * that no feature owns; the names under a feature's prefix are the feature's bind's,
 * which happens only when the feature is on. Other binds pass through.
 */
final class UnknownKeysBindHandler extends NoUnboundElementsBindHandler {

	private static final Log logger = LogFactory.getLog(UnknownKeysBindHandler.class);

	static final ConfigurationPropertyName LLMOBS = ConfigurationPropertyName.of("llmobs");

	/**
	 * The top-level names under {@code llmobs} whose properties a feature binds: a name
	 * here that the feature's bind leaves unbound is the feature's to report. A test
	 * keeps this list equal to the configuration metadata.
	 */
	static final Set<ConfigurationPropertyName> FEATURE_NAMES = names("models", "catalog", "context", "tools", "mcp",
			"prompts", "feedback", "capture", "pii", "redaction", "judge", "conversations", "console", "budgets",
			"shared-state", "semconv");

	private final BindHandler parent;

	private final UnknownKeys mode;

	private final Set<ConfigurationPropertyName> ownNames = new LinkedHashSet<>();

	private @Nullable ConfigurationPropertyName root;

	UnknownKeysBindHandler(BindHandler parent, UnknownKeys mode) {
		super(parent, new UnboundElementsSourceFilter());
		this.parent = parent;
		this.mode = mode;
	}

	@Override
	public <T> @Nullable Bindable<T> onStart(ConfigurationPropertyName name, Bindable<T> target, BindContext context) {
		if (this.root == null) {
			// The first name; a nested bind of this handler (dotted model keys) starts at
			// depth 0 again.
			this.root = name;
		}
		else if (LLMOBS.equals(this.root) && LLMOBS.isParentOf(name)) {
			this.ownNames.add(name);
		}
		return super.onStart(name, target, context);
	}

	@Override
	public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
			@Nullable Object result) throws Exception {
		// Boot's handler ends the chain here; the handlers it wraps validate and bind
		// what Boot's map binding missed.
		this.parent.onFinish(name, target, context, result);
		if (context.getDepth() == 0 && (LLMOBS.equals(name) || LLMOBS.isAncestorOf(name))) {
			try {
				super.onFinish(name, target, context, result);
			}
			catch (UnboundConfigurationPropertiesException ex) {
				report(unknown(ex.getUnboundProperties(), target));
			}
		}
	}

	private Set<ConfigurationProperty> unknown(Set<ConfigurationProperty> unbound, Bindable<?> target) {
		ConfigurationPropertyName root = this.root;
		if (root == null || !LLMOBS.equals(root)) {
			return unbound;
		}
		boolean kernel = LlmObsProperties.class.equals(target.getType().resolve());
		Set<ConfigurationProperty> unknown = new LinkedHashSet<>();
		for (ConfigurationProperty property : unbound) {
			ConfigurationPropertyName topLevel = property.getName().chop(LLMOBS.getNumberOfElements() + 1);
			if (this.ownNames.contains(topLevel) || (kernel && !FEATURE_NAMES.contains(topLevel))) {
				unknown.add(property);
			}
		}
		return unknown;
	}

	private void report(Set<ConfigurationProperty> unknown) {
		if (unknown.isEmpty()) {
			return;
		}
		if (this.mode == UnknownKeys.FAIL) {
			throw new UnboundConfigurationPropertiesException(unknown);
		}
		for (ConfigurationProperty property : unknown) {
			logger.warn("Ignoring " + property.getName() + ", which this llmobs version does not know"
					+ ((property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "")
					+ "; llmobs.unknown-keys=warn");
		}
	}

	private static Set<ConfigurationPropertyName> names(String... names) {
		Set<ConfigurationPropertyName> set = new LinkedHashSet<>();
		for (String name : names) {
			set.add(LLMOBS.append(name));
		}
		return Set.copyOf(set);
	}

}
