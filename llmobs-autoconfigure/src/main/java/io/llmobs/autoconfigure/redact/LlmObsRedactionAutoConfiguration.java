package io.llmobs.autoconfigure.redact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.core.LlmObsAutoConfiguration;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.redact.BuiltInPiiDetector;
import io.llmobs.redact.PiiDetector;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import io.llmobs.redact.PiiTypes;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.validator.routines.IBANValidator;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of PII detection: the scanner and
 * the meters of the {@code llmobs.pii.entities} counts, which the capture
 * auto-configuration uses to redact and count content. Needs libphonenumber and
 * commons-validator (the starter brings both); without them nothing here is configured,
 * and no content is captured.
 */
@AutoConfiguration(after = LlmObsAutoConfiguration.class,
		afterName = "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration")
@ConditionalOnLlmObsEnabled
@ConditionalOnClass({ PhoneNumberUtil.class, IBANValidator.class, ChatModelObservationContext.class })
@ConditionalOnBean({ MeterRegistry.class, InstrumentationErrors.class })
@EnableConfigurationProperties(LlmObsRedactionProperties.class)
public final class LlmObsRedactionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PiiScanner llmObsPiiScanner(LlmObsRedactionProperties redaction,
			ObjectProvider<LlmObsRedactionCustomizer> customizers, Environment environment) {
		SpringAiContentLogging.warnIfEnabled(environment);
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
			.forEach((type, regex) -> detectors
				.add(PiiDetector.pattern(PiiTypes.canonical(type), Pattern.compile(regex))));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(detectors));
		return new PiiScanner(detectors);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "llmobs.pii.enabled", matchIfMissing = true)
	PiiMeters llmObsPiiMeters(MeterRegistry meterRegistry, LlmObsRedactionProperties properties) {
		Set<String> types = new LinkedHashSet<>(PiiTypes.builtIn());
		properties.getPatterns().keySet().forEach((type) -> types.add(PiiTypes.canonical(type)));
		return new PiiMeters(meterRegistry, types);
	}

}
