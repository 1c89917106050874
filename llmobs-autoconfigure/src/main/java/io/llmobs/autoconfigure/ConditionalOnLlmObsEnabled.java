package io.llmobs.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Matches unless {@code llmobs.enabled} is {@code false}: every llmobs auto-configuration
 * carries it, so the master switch leaves no llmobs bean behind.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@ConditionalOnBooleanProperty(name = "llmobs.enabled", matchIfMissing = true)
public @interface ConditionalOnLlmObsEnabled {

}
