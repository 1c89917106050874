package io.llmobs.autoconfigure.judge;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.llmobs.judge.ChatClientJudge;
import io.llmobs.judge.JudgeRubric;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Finds the judge model: a {@code ChatModel} bean qualified {@value #QUALIFIER} when the application declares one,
 * else the application's {@code ChatModel} asked for {@code llmobs.judge.model}.
 */
final class JudgeModels {

	/** The qualifier (or bean name) of a {@code ChatModel} meant for the judge. */
	static final String QUALIFIER = "llmObsJudge";

	private static final Log logger = LogFactory.getLog(JudgeModels.class);

	private JudgeModels() {
	}

	static ChatClientJudge judge(@Nullable String model, ConfigurableListableBeanFactory beanFactory,
			ObservationRegistry observationRegistry, JudgeRubric rubric, Consumer<ChatResponse> onResponse) {
		List<String> qualified = Arrays.stream(beanFactory.getBeanNamesForType(ChatModel.class, true, false))
			.filter((name) -> QUALIFIER.equals(name)
					|| BeanFactoryAnnotationUtils.isQualifierMatch(QUALIFIER::equals, name, beanFactory))
			.toList();
		if (!qualified.isEmpty()) {
			ChatModel judgeModel = beanFactory.getBean(qualified.get(0), ChatModel.class);
			return new ChatClientJudge(client(judgeModel, observationRegistry), rubric, null, onResponse);
		}
		if (model == null) {
			throw new IllegalStateException("llmobs.judge.model must name the judge model when llmobs.judge.enabled "
					+ "is true (or declare a ChatModel bean qualified '" + QUALIFIER + "', or a Judge bean)");
		}
		ChatModel applicationModel = beanFactory.getBeanProvider(ChatModel.class).getIfUnique();
		if (applicationModel == null) {
			throw new IllegalStateException("llmobs.judge.model needs one ChatModel bean to ask for '" + model
					+ "'; declare a ChatModel bean qualified '" + QUALIFIER + "' instead");
		}
		ChatOptions defaults = applicationModel.getDefaultOptions();
		if (defaults != null && model.equals(defaults.getModel())) {
			logger.warn("llmobs.judge.model is '" + model + "', the model it judges: a model grading its own "
					+ "answers overlooks its own mistakes; name a different model");
		}
		return new ChatClientJudge(client(applicationModel, observationRegistry), rubric, model, onResponse);
	}

	private static ChatClient client(ChatModel model, ObservationRegistry observationRegistry) {
		return ChatClient.builder(model, observationRegistry, null, null).build();
	}

}
