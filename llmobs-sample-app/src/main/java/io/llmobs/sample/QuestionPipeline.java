package io.llmobs.sample;

import java.util.Locale;
import java.util.function.Consumer;

import io.llmobs.chat.LlmObs;
import io.llmobs.chat.LlmObsParams;
import io.llmobs.chat.LlmTask;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.stereotype.Service;

/**
 * Answers a support question in two model calls, grouped in one llmobs task: stage {@code classify} picks a
 * category, stage {@code answer} answers with that category in mind.
 */
@Service
public final class QuestionPipeline {

	/** The task every question runs in. */
	public static final String TASK = "answer-question";

	static final String CLASSIFY_SYSTEM_PROMPT = """
			You are the triage step of a customer support desk. Classify the user's question into exactly one \
			category: billing, shipping, technical, account or general. Reply with that one lowercase word only.""";

	static final String ANSWER_SYSTEM_PROMPT = """
			You are a concise, friendly customer support assistant. The question was classified as '{category}'. \
			Answer in at most three sentences.""";

	private final ChatClient chatClient;

	private final LlmObs llmObs;

	/**
	 * Creates the pipeline.
	 * @param chatClientBuilder the auto-configured builder, which llmobs instruments
	 * @param llmObs the llmobs entry point, for the task scope
	 */
	public QuestionPipeline(ChatClient.Builder chatClientBuilder, LlmObs llmObs) {
		this.chatClient = chatClientBuilder.build();
		this.llmObs = llmObs;
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
				String category = classify(question, tenant);
				String answer = this.chatClient.prompt()
					.system((system) -> system.text(ANSWER_SYSTEM_PROMPT).param("category", category))
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
	 * Classifies a question, then streams the answer, chunk by chunk, to {@code onChunk}; returns once the answer is
	 * complete. The stream is subscribed inside the task, on the calling thread, so its time to first token and its
	 * cost are attributed to the task.
	 * @param question the user's question
	 * @param tenant the tenant asking
	 * @param onChunk receives each piece of the answer as it arrives
	 * @return the category, the whole answer and the cost of both calls
	 */
	public Answer askStreaming(String question, String tenant, Consumer<String> onChunk) {
		try (LlmTask task = this.llmObs.task(TASK)) {
			try {
				String category = classify(question, tenant);
				StringBuilder answer = new StringBuilder();
				this.chatClient.prompt()
					.system((system) -> system.text(ANSWER_SYSTEM_PROMPT).param("category", category))
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

	private String classify(String question, String tenant) {
		String category = this.chatClient.prompt()
			.system(CLASSIFY_SYSTEM_PROMPT)
			.user(question)
			.advisors((advisors) -> advisors.param(LlmObsParams.STAGE, "classify").param(LlmObsParams.TENANT, tenant))
			.call()
			.content();
		return (category != null) ? category.strip().toLowerCase(Locale.ROOT) : "general";
	}

}
