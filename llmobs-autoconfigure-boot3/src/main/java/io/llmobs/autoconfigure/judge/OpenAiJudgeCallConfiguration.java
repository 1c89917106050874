package io.llmobs.autoconfigure.judge;

import org.springframework.context.annotation.Configuration;

/**
 * Nothing to configure on this line: Spring AI 1.1's OpenAI client sends over Spring's
 * {@code RestClient}, which has no hook to cancel the judge's call when the judgement
 * times out. The judgement still ends at {@code llmobs.judge.timeout}; the call runs on
 * until the client's own timeout.
 */
@Configuration(proxyBeanMethods = false)
class OpenAiJudgeCallConfiguration {

}
