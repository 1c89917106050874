package io.llmobs.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Describes invalid {@code llmobs.*} values the way Boot describes a value it cannot bind: the property's canonical
 * name, its value and where it was set. Boot's own description of validation errors finds the origin of a direct
 * property only ({@code llmobs.enabled}), not of a nested one ({@code llmobs.judge.sample-rate}).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class LlmObsPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("llmobs");

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		ValidationErrors errors = cause.getValidationErrors();
		if (!PREFIX.equals(errors.getName())) {
			return null;
		}
		StringBuilder description = new StringBuilder(
				String.format("Binding to target %s failed:%n", LlmObsProperties.class.getName()));
		for (ObjectError error : errors) {
			if (error instanceof FieldError fieldError) {
				describe(description, fieldError, errors);
			}
			description.append(String.format("%n    Reason: %s%n", error.getDefaultMessage()));
		}
		return new FailureAnalysis(description.toString(), "Update your application's configuration", cause);
	}

	private static void describe(StringBuilder description, FieldError error, ValidationErrors errors) {
		String property = PREFIX + "." + error.getField();
		ConfigurationProperty bound = boundProperty(property, errors);
		description.append(String.format("%n    Property: %s", property));
		Object value = (bound != null) ? bound.getValue() : error.getRejectedValue();
		if (value != null) {
			description.append(String.format("%n    Value: \"%s\"", value));
		}
		if (bound != null && bound.getOrigin() != null) {
			description.append(String.format("%n    Origin: %s", bound.getOrigin()));
		}
	}

	/**
	 * The bound property the error is about, whatever form it was written in: a model key with dots written plainly
	 * or in brackets, a name in kebab case or from an environment variable.
	 */
	private static @Nullable ConfigurationProperty boundProperty(String property, ValidationErrors errors) {
		String wanted = comparable(property);
		for (ConfigurationProperty bound : errors.getBoundProperties()) {
			if (comparable(bound.getName()).equals(wanted)) {
				return bound;
			}
		}
		return null;
	}

	private static String comparable(ConfigurationPropertyName name) {
		StringBuilder joined = new StringBuilder();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			joined.append((i > 0) ? "." : "").append(name.getElement(i, Form.ORIGINAL));
		}
		return comparable(joined.toString());
	}

	private static String comparable(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "");
	}

}
