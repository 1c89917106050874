package io.llmobs.autoconfigure.redact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.LlmObsProperties;
import io.llmobs.autoconfigure.chat.LlmObsChatAutoConfiguration;
import io.llmobs.capture.ContentCaptureFilter;
import io.llmobs.capture.ContentRedactor;
import io.llmobs.capture.PiiEntityCounter;
import io.llmobs.capture.SpringAiContentRedactor;
import io.llmobs.chat.InstrumentationErrors;
import io.llmobs.redact.BuiltInPiiDetector;
import io.llmobs.redact.PatternPiiDetector;
import io.llmobs.redact.PiiDetector;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import io.llmobs.redact.PiiTypes;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.commons.validator.routines.IBANValidator;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of PII redaction: the scanner, the {@code llmobs.pii.entities}
 * counts, the redaction of Spring AI's own content attributes and, when {@code llmobs.capture.content} is on, the
 * capture of prompts and completions. Needs libphonenumber and commons-validator (the starter brings both); without
 * them nothing here is configured, and no content is captured.
 */
@AutoConfiguration(after = LlmObsChatAutoConfiguration.class,
		afterName = "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration")
@ConditionalOnLlmObsEnabled
@ConditionalOnClass({ PhoneNumberUtil.class, IBANValidator.class, ChatModelObservationContext.class })
@ConditionalOnBean({ MeterRegistry.class, InstrumentationErrors.class })
public final class LlmObsRedactionAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LlmObsRedactionAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	PiiScanner llmObsPiiScanner(LlmObsProperties properties, ObjectProvider<LlmObsRedactionCustomizer> customizers,
			Environment environment) {
		SpringAiContentLogging.warnIfEnabled(environment);
		LlmObsProperties.Redaction redaction = properties.getRedaction();
		List<String> regions = redaction.getPhoneRegions();
		for (String region : regions) {
			if (!BuiltInPiiDetector.isPhoneRegion(region)) {
				throw new InvalidConfigurationPropertyValueException("llmobs.redaction.phone-regions", region,
						"Not a region libphonenumber knows (an ISO 3166 code such as US, GB, DE)");
			}
		}
		List<PiiDetector> detectors = new ArrayList<>();
		detectors.add(new BuiltInPiiDetector(PiiTypes.builtIn(), regions, redaction.isStrictPhoneValidation()));
		redaction.getPatterns()
			.forEach((type, regex) -> detectors.add(new PatternPiiDetector(PiiTypes.canonical(type), Pattern.compile(regex))));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(detectors));
		return new PiiScanner(detectors);
	}

	@Bean
	@ConditionalOnMissingBean
	ContentRedactor llmObsContentRedactor(LlmObsProperties properties, PiiScanner scanner) {
		LlmObsProperties.Redaction redaction = properties.getRedaction();
		return new ContentRedactor(redaction.isEnabled() ? scanner : null, redaction.getMaxScanLength());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "llmobs.pii.enabled", matchIfMissing = true)
	PiiMeters llmObsPiiMeters(MeterRegistry meterRegistry, LlmObsProperties properties) {
		Set<String> types = new LinkedHashSet<>(PiiTypes.builtIn());
		properties.getRedaction().getPatterns().keySet().forEach((type) -> types.add(PiiTypes.canonical(type)));
		return new PiiMeters(meterRegistry, types);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PiiMeters.class)
	PiiEntityCounter llmObsPiiEntityCounter(PiiScanner scanner, PiiMeters meters, LlmObsProperties properties,
			InstrumentationErrors errors) {
		return new PiiEntityCounter(scanner, meters, properties.getRedaction().getMaxScanLength(), errors);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "llmobs.redaction.enabled", matchIfMissing = true)
	SpringAiContentRedactor llmObsSpringAiContentRedactor(ContentRedactor redactor, InstrumentationErrors errors) {
		return new SpringAiContentRedactor(redactor, errors);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("llmobs.capture.content")
	ContentCaptureFilter llmObsContentCaptureFilter(ContentRedactor redactor, LlmObsProperties properties,
			InstrumentationErrors errors) {
		boolean redacted = properties.getRedaction().isEnabled();
		logger.warn("llmobs.capture.content=true: prompts and completions are recorded on model-call spans"
				+ (redacted ? " with PII replaced by placeholders (pattern-based detection can miss some)"
						: " UNREDACTED, since llmobs.redaction.enabled=false")
				+ "; make sure your trace backend may hold them");
		return new ContentCaptureFilter(redactor, properties.getCapture().getMaxLength(), errors);
	}

}
