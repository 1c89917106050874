package io.llmobs.autoconfigure.judge;

import io.llmobs.judge.JudgeCallCancellingInterceptor;
import okhttp3.Interceptor;

import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cancels the judge's HTTP call of Spring AI 2's OpenAI client (the OpenAI SDK over
 * OkHttp) when the judgement times out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "llmobs.judge.enabled")
@ConditionalOnClass({ OpenAiHttpClientBuilderCustomizer.class, Interceptor.class })
class OpenAiJudgeCallConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "llmObsJudgeCallCancellation")
	OpenAiHttpClientBuilderCustomizer llmObsJudgeCallCancellation() {
		return (builder) -> builder.interceptor(new JudgeCallCancellingInterceptor());
	}

}
