package io.llmobs.judge;

import java.util.List;

/**
 * What the judge reads about one answered call.
 *
 * @param input the user's input
 * @param documents the texts of the retrieved documents given to the model, if any
 * @param toolResults what the tools returned to the model, if any
 * @param answer the model's answer
 * @param stage the judged call's stage (bounded)
 * @param model the judged call's model (bounded)
 */
public record JudgeRequest(String input, List<String> documents, List<String> toolResults, String answer, String stage,
		String model) {
}
