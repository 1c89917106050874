package io.llmobs.autoconfigure.openai;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the trace context and retries of
 * Spring AI 2's OpenAI client (the OpenAI SDK over OkHttp): nothing on this line. Spring
 * AI 1.1's OpenAI client sends over Spring's {@code RestClient} and {@code WebClient},
 * whose requests Spring Boot's HTTP client observations already trace, and retries with
 * Spring AI's {@code RetryTemplate}, whose retries llmobs counts (see
 * {@code LlmObsChatAutoConfiguration}). The Boot 4 line's {@code io.llmobs.openai}
 * package is not built for this line.
 */
@AutoConfiguration
public final class LlmObsOpenAiAutoConfiguration {

}
