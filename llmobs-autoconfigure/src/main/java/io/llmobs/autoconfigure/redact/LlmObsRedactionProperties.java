package io.llmobs.autoconfigure.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of PII redaction, under {@code llmobs.redaction}: built-in detectors,
 * user patterns, and what is scanned. Validates what a field constraint cannot: that each
 * pattern is named well and is a regular expression that matches something.
 */
@ConfigurationProperties("llmobs.redaction")
@Validated
public class LlmObsRedactionProperties implements Validator {

	private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");

	/**
	 * Whether PII in captured content and in Spring AI's content attributes (vector-store
	 * query text, tool-call arguments and results) is replaced by placeholders such as
	 * <EMAIL>.
	 */
	private boolean enabled = true;

	/**
	 * Additional detectors: regular expressions by entity type; matches are replaced by
	 * <TYPE> and counted with that type.
	 */
	private final Map<String, String> patterns = new LinkedHashMap<>();

	/**
	 * Regions (ISO 3166 codes) whose national phone numbers, written without a country
	 * code, are detected; numbers with a country code are detected whatever their region.
	 */
	private List<String> phoneRegions = new ArrayList<>(List.of("US"));

	/**
	 * Whether numbers written with '+' and a country code are redacted only when
	 * libphonenumber considers them valid (in a range their country assigned); by default
	 * a known country code followed by a national number of a length the country's
	 * numbering plan allows is enough, so that numbers in unassigned or new ranges are
	 * redacted too. National numbers, written without a country code, are always
	 * validated.
	 */
	private boolean strictPhoneValidation;

	/**
	 * Characters of each text scanned at most; longer texts are cut there before they are
	 * redacted or counted.
	 */
	@Min(1)
	private int maxScanLength = 65_536;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, String> getPatterns() {
		return this.patterns;
	}

	public List<String> getPhoneRegions() {
		return this.phoneRegions;
	}

	public void setPhoneRegions(List<String> phoneRegions) {
		this.phoneRegions = phoneRegions;
	}

	public boolean isStrictPhoneValidation() {
		return this.strictPhoneValidation;
	}

	public void setStrictPhoneValidation(boolean strictPhoneValidation) {
		this.strictPhoneValidation = strictPhoneValidation;
	}

	public int getMaxScanLength() {
		return this.maxScanLength;
	}

	public void setMaxScanLength(int maxScanLength) {
		this.maxScanLength = maxScanLength;
	}

	@Override
	public boolean supports(Class<?> type) {
		return LlmObsRedactionProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		((LlmObsRedactionProperties) target).getPatterns().forEach((type, regex) -> {
			String field = "patterns[" + type + "]";
			if (!TYPE.matcher(type).matches()) {
				errors.rejectValue(field, "type", "must be named with letters, digits, '-' and '_' (at most 32)");
			}
			else if (regex == null || regex.isEmpty()) {
				errors.rejectValue(field, "empty", "must not be empty");
			}
			else {
				try {
					if (Pattern.compile(regex).matcher("").matches()) {
						errors.rejectValue(field, "matchesEmpty", "must not match the empty string");
					}
				}
				catch (PatternSyntaxException ex) {
					errors.rejectValue(field, "regex", "is not a valid regular expression: " + ex.getDescription());
				}
			}
		});
	}

}
