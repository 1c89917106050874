package io.llmobs.judge;

import java.util.List;
import java.util.function.Consumer;

import io.llmobs.core.LlmObsParams;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * A judge behind a {@code ChatClient}: the rubric as the system prompt, the answer laid
 * out as the user message, at stage {@code judge} and marked {@code llmobs.judge.skip} so
 * that its own calls are metered and priced like any other but never judged.
 */
final class ChatClientJudge implements Judge {

	private final ChatClient chatClient;

	private final JudgeRubric rubric;

	private final JudgeVerdictParser parser;

	private final @Nullable String model;

	private final Consumer<ChatResponse> onResponse;

	/**
	 * Creates a judge.
	 * @param chatClient the client of the judge model, observed like the application's
	 * @param rubric the rubric
	 * @param model the model to ask for, or {@code null} for the client's default
	 * @param onResponse told of each response of the judge model, for its budget
	 */
	ChatClientJudge(ChatClient chatClient, JudgeRubric rubric, @Nullable String model,
			Consumer<ChatResponse> onResponse) {
		this.chatClient = chatClient;
		this.rubric = rubric;
		this.parser = new JudgeVerdictParser(rubric.criteria());
		this.model = model;
		this.onResponse = onResponse;
	}

	@Override
	public JudgeVerdict evaluate(JudgeRequest request) {
		Prompt prompt = new Prompt(List.of(new SystemMessage(this.rubric.systemPrompt()),
				new UserMessage(this.rubric.userPrompt(request))));
		ChatClient.ChatClientRequestSpec spec = this.chatClient.prompt(prompt)
			.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, JudgeMetricNames.JUDGE_STAGE)
				.param(LlmObsParams.JUDGE_SKIP, true));
		if (this.model != null) {
			spec = JudgeModelOption.select(spec, this.model);
		}
		ChatResponse response = spec.call().chatResponse();
		if (response == null) {
			throw new UnparseableVerdictException("The judge model returned no response");
		}
		this.onResponse.accept(response);
		return this.parser.parse((response.getResult() != null) ? response.getResult().getOutput().getText() : null);
	}

}
