package io.llmobs.sample;

import java.util.function.Consumer;

import io.llmobs.chat.LlmObs;
import io.llmobs.core.LlmObsParams;
import io.llmobs.chat.LlmTask;
import io.llmobs.prompt.PromptRegistry;
import io.llmobs.prompt.RegisteredPrompt;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

/**
 * Answers a support question in two model calls, grouped in one llmobs task: stage
 * {@code classify} picks a category, stage {@code answer} answers with that category in
 * mind, from the registry prompt {@code answer}, so its spans carry
 * {@code gen_ai.prompt.name} and {@code gen_ai.prompt.version}.
 */
@Service
public final class QuestionPipeline {

	/** The task every question runs in. */
	public static final String TASK = "answer-question";

	static final String CLASSIFY_SYSTEM_PROMPT = """
			You are the triage step of a customer support desk. Classify the user's question into exactly one \
			category: billing, shipping, technical, account or general. Reply with that one lowercase word only.""";

	private final ChatClient chatClient;

	private final Classifier classifier;

	private final LlmObs llmObs;

	private final RegisteredPrompt answerPrompt;

	/**
	 * Creates the pipeline.
	 * @param chatClientBuilder the auto-configured builder, which llmobs instruments
	 * @param llmObs the llmobs entry point, for the task scope
	 * @param prompts the versioned prompts under {@code src/main/resources/prompts/}
	 */
	public QuestionPipeline(ChatClient.Builder chatClientBuilder, LlmObs llmObs, PromptRegistry prompts) {
		this.chatClient = chatClientBuilder.build();
		this.classifier = new Classifier(this.chatClient, CLASSIFY_SYSTEM_PROMPT);
		this.llmObs = llmObs;
		this.answerPrompt = prompts.get("answer");
	}

	/**
	 * Classifies and answers a question with two blocking calls.
	 * @param question the user's question
	 * @param tenant the tenant asking, for cost segmentation
	 * @return the category, the answer and the cost of both calls
	 */
	public Answer ask(String question, String tenant) {
		try (LlmTask task = this.llmObs.task(TASK)) {
			try {
				String category = this.classifier.classify(question, tenant);
				String answer = this.chatClient.prompt()
					.system((system) -> system.text(this.answerPrompt.text()).param("category", category))
					.user(question)
					.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, "answer")
						.param(LlmObsParams.TENANT, tenant))
					.call()
					.content();
				task.success();
				return new Answer(category, (answer != null) ? answer : "", task.costUsd());
			}
			catch (RuntimeException ex) {
				task.error(ex);
				throw ex;
			}
		}
	}

	/**
	 * Classifies a question, then streams the answer, chunk by chunk, to {@code onChunk};
	 * returns once the answer is complete. The stream is subscribed inside the task, on
	 * the calling thread, so its time to first token and its cost are attributed to the
	 * task.
	 * @param question the user's question
	 * @param tenant the tenant asking
	 * @param onChunk receives each piece of the answer as it arrives
	 * @return the category, the whole answer and the cost of both calls
	 */
	public Answer askStreaming(String question, String tenant, Consumer<String> onChunk) {
		try (LlmTask task = this.llmObs.task(TASK)) {
			try {
				String category = this.classifier.classify(question, tenant);
				StringBuilder answer = new StringBuilder();
				this.chatClient.prompt()
					.system((system) -> system.text(this.answerPrompt.text()).param("category", category))
					.user(question)
					.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, "answer")
						.param(LlmObsParams.TENANT, tenant))
					.stream()
					.content()
					.doOnNext((chunk) -> {
						answer.append(chunk);
						onChunk.accept(chunk);
					})
					.blockLast();
				task.success();
				return new Answer(category, answer.toString(), task.costUsd());
			}
			catch (RuntimeException ex) {
				task.error(ex);
				throw ex;
			}
		}
	}

}
