package io.llmobs.autoconfigure.capture;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.redact.LlmObsRedactionAutoConfiguration;
import io.llmobs.autoconfigure.redact.LlmObsRedactionProperties;
import io.llmobs.capture.ContentCaptureFilter;
import io.llmobs.capture.ContentRedactor;
import io.llmobs.capture.PiiEntityCounter;
import io.llmobs.capture.SpringAiContentRedactor;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of what llmobs does with the content of model calls: the
 * redaction of Spring AI's own content attributes, the {@code llmobs.pii.entities} counts of inputs and outputs and,
 * when {@code llmobs.capture.content} is on, the capture of prompts and completions. It uses the PII scanner of the
 * redaction auto-configuration and backs off without it.
 */
@AutoConfiguration(after = LlmObsRedactionAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnBean({ PiiScanner.class, InstrumentationErrors.class })
@EnableConfigurationProperties({ LlmObsCaptureProperties.class, LlmObsPiiProperties.class,
		LlmObsRedactionProperties.class })
public final class LlmObsCaptureAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LlmObsCaptureAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ContentRedactor llmObsContentRedactor(LlmObsRedactionProperties redaction, PiiScanner scanner) {
		return new ContentRedactor(redaction.isEnabled() ? scanner : null, redaction.getMaxScanLength());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PiiMeters.class)
	PiiEntityCounter llmObsPiiEntityCounter(PiiScanner scanner, PiiMeters meters, LlmObsRedactionProperties redaction,
			InstrumentationErrors errors) {
		return new PiiEntityCounter(scanner, meters, redaction.getMaxScanLength(), errors);
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
	ContentCaptureFilter llmObsContentCaptureFilter(ContentRedactor redactor, LlmObsCaptureProperties properties,
			LlmObsRedactionProperties redaction, InstrumentationErrors errors) {
		boolean redacted = redaction.isEnabled();
		logger.warn("llmobs.capture.content=true: prompts and completions are recorded on model-call spans"
				+ (redacted ? " with PII replaced by placeholders (pattern-based detection can miss some)"
						: " UNREDACTED, since llmobs.redaction.enabled=false")
				+ "; make sure your trace backend may hold them");
		return new ContentCaptureFilter(redactor, properties.getMaxLength(), errors);
	}

}
