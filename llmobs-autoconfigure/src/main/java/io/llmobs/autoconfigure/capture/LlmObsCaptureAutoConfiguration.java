package io.llmobs.autoconfigure.capture;

import io.llmobs.autoconfigure.ConditionalOnLlmObsEnabled;
import io.llmobs.autoconfigure.redact.LlmObsRedactionAutoConfiguration;
import io.llmobs.autoconfigure.redact.LlmObsRedactionProperties;
import io.llmobs.capture.CaptureInstrumentation;
import io.llmobs.core.InstrumentationErrors;
import io.llmobs.redact.PiiMeters;
import io.llmobs.redact.PiiScanner;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of what llmobs does with the content
 * of model calls: the redaction of Spring AI's own content attributes, the
 * {@code llmobs.pii.entities} counts of inputs and outputs and, when
 * {@code llmobs.capture.content} is on, the capture of prompts and completions. It uses
 * the PII scanner of the redaction auto-configuration and backs off without it.
 */
@AutoConfiguration(after = LlmObsRedactionAutoConfiguration.class)
@ConditionalOnLlmObsEnabled
@ConditionalOnBean({ PiiScanner.class, InstrumentationErrors.class })
@EnableConfigurationProperties({ LlmObsCaptureProperties.class, LlmObsPiiProperties.class,
		LlmObsRedactionProperties.class })
public final class LlmObsCaptureAutoConfiguration {

	private static final Log logger = LogFactory.getLog(LlmObsCaptureAutoConfiguration.class);

	@Bean
	CaptureInstrumentation llmObsCaptureInstrumentation(LlmObsRedactionProperties redaction, PiiScanner scanner,
			InstrumentationErrors errors) {
		return new CaptureInstrumentation(scanner, redaction.isEnabled(), redaction.getMaxScanLength(), errors);
	}

	@Bean
	@ConditionalOnBean(PiiMeters.class)
	ObservationHandler<ChatModelObservationContext> llmObsPiiEntityCounter(CaptureInstrumentation capture,
			PiiMeters meters) {
		return capture.piiEntityCounter(meters);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "llmobs.redaction.enabled", matchIfMissing = true)
	ObservationFilter llmObsSpringAiContentRedactor(CaptureInstrumentation capture) {
		return capture.springAiContentRedactor();
	}

	@Bean
	@ConditionalOnBooleanProperty("llmobs.capture.content")
	ObservationFilter llmObsContentCaptureFilter(CaptureInstrumentation capture, LlmObsCaptureProperties properties,
			LlmObsRedactionProperties redaction) {
		boolean redacted = redaction.isEnabled();
		logger.warn("llmobs.capture.content=true: prompts and completions are recorded on model-call spans"
				+ (redacted ? " with PII replaced by placeholders (pattern-based detection can miss some)"
						: " UNREDACTED, since llmobs.redaction.enabled=false")
				+ "; make sure your trace backend may hold them");
		return capture.contentCapture(properties.getMaxLength());
	}

}
