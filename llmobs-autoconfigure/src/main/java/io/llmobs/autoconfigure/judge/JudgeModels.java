package io.llmobs.autoconfigure.judge;

import java.util.Arrays;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Finds the judge model: a {@code ChatModel} bean qualified {@value #QUALIFIER} when the
 * application declares one, else the application's {@code ChatModel} asked for
 * {@code llmobs.judge.model}.
 */
final class JudgeModels {

	/** The qualifier (or bean name) of a {@code ChatModel} meant for the judge. */
	static final String QUALIFIER = "llmObsJudge";

	private static final Log logger = LogFactory.getLog(JudgeModels.class);

	private JudgeModels() {
	}

	static JudgeModel find(@Nullable String model, ConfigurableListableBeanFactory beanFactory,
			ObservationRegistry observationRegistry) {
		List<String> qualified = Arrays.stream(beanFactory.getBeanNamesForType(ChatModel.class, true, false))
			.filter((name) -> QUALIFIER.equals(name)
					|| BeanFactoryAnnotationUtils.isQualifierMatch(QUALIFIER::equals, name, beanFactory))
			.toList();
		if (!qualified.isEmpty()) {
			ChatModel judgeModel = beanFactory.getBean(qualified.get(0), ChatModel.class);
			ChatOptions defaults = judgeModel.getDefaultOptions();
			return new JudgeModel(client(judgeModel, observationRegistry), null,
					(defaults != null) ? defaults.getModel() : null);
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
		return new JudgeModel(client(applicationModel, observationRegistry), model, model);
	}

	private static ChatClient client(ChatModel model, ObservationRegistry observationRegistry) {
		return ChatClient.builder(model, observationRegistry, null, null).build();
	}

	/**
	 * The judge model.
	 *
	 * @param client the client that asks it, observed like the application's
	 * @param requested the model to ask the client for, or {@code null} for the client's
	 * default
	 * @param id the judge model's id, or {@code null} when unknown before it answers
	 */
	record JudgeModel(ChatClient client, @Nullable String requested, @Nullable String id) {
	}

}
