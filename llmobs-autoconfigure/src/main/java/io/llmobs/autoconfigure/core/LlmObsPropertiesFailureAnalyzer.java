package io.llmobs.autoconfigure.core;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
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
 * Describes invalid {@code llmobs.*} values the way Boot describes a value it cannot
 * bind: the property's canonical name, its value as written and where it was set. Boot's
 * own description of validation errors names a property by its Java field
 * ({@code llmobs.judge.sampleRate},
 * {@code llmobs.tools.circuitBreaker.instances[quote].…}), shows the converted value, and
 * finds the origin of a direct property of the validated class only.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class LlmObsPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
		ValidationErrors errors = cause.getValidationErrors();
		ConfigurationPropertyName root = errors.getName();
		if (!UnknownKeysBindHandler.LLMOBS.equals(root) && !UnknownKeysBindHandler.LLMOBS.isAncestorOf(root)) {
			return null;
		}
		BindException bindException = findCause(rootFailure, BindException.class);
		Object target = (bindException != null) ? bindException.getTarget().getType() : root;
		StringBuilder description = new StringBuilder(String.format("Binding to target %s failed:%n", target));
		for (ObjectError error : errors) {
			if (error instanceof FieldError fieldError) {
				describe(description, root + "." + canonical(fieldError.getField()), fieldError, errors);
			}
			description.append(String.format("%n    Reason: %s%n", error.getDefaultMessage()));
		}
		return new FailureAnalysis(description.toString(), "Update your application's configuration", cause);
	}

	private static void describe(StringBuilder description, String property, FieldError error,
			ValidationErrors errors) {
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
	 * The property as users write it, from a field path such as
	 * {@code circuitBreaker.instances[quote].slidingWindowSize}: Java names in kebab
	 * case, a map key after a dot as it is written, a list index in brackets.
	 */
	static String canonical(String field) {
		StringBuilder canonical = new StringBuilder();
		int start = 0;
		while (start < field.length()) {
			int bracket = field.indexOf('[', start);
			String names = field.substring(start, (bracket < 0) ? field.length() : bracket);
			canonical.append(DataObjectPropertyName.toDashedForm(names));
			if (bracket < 0) {
				break;
			}
			int close = field.indexOf(']', bracket);
			String key = field.substring(bracket + 1, close);
			canonical.append(key.chars().allMatch(Character::isDigit) ? "[" + key + "]" : "." + key);
			start = close + 1;
		}
		return canonical.toString();
	}

	/**
	 * The bound property the error is about, whatever form it was written in: a model key
	 * with dots written plainly or in brackets, a name in kebab case or from an
	 * environment variable.
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
			String element = name.getElement(i, Form.ORIGINAL);
			joined.append(name.isNumericIndex(i) ? "[" + element + "]" : ((i > 0) ? "." : "") + element);
		}
		return comparable(joined.toString());
	}

	private static String comparable(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "");
	}

}
